from wagtail.models import Site


def navigation(request):
    """The home page's children that editors marked "show in menus", for the header."""
    site = Site.find_for_request(request)
    if site is None:
        return {"nav_pages": [], "home_page": None}
    home = site.root_page
    return {
        "home_page": home,
        "nav_pages": home.get_children().live().in_menu().public().only("id", "title", "url_path", "path", "depth"),
    }
