def seed(*, home, topics):
    return []
