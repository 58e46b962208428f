"""How django-axes names a login attempt, whichever form made it."""


def login_username(request, credentials):
    """The address or username that was tried, lower-cased ("Ana@Example.org" counts as "ana@example.org").

    allauth's form sends the address as `login` (credentials: `email`); the Wagtail admin's form sends
    `username`. When a login succeeds, axes asks again with the account's username as the credentials:
    the address typed in the form comes first, so that the success clears the failures made with it.
    """
    credentials = credentials or {}
    data = getattr(request, "POST", None) or {}
    for value in (credentials.get("email"), data.get("login"), credentials.get("username"), data.get("username")):
        if value:
            return str(value).strip().lower()
    return None
