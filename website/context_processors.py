from wagtail.models import Site

from .addresses import public_base_url
from .hooks import navigation_items


def navigation(request):
    """The header's menu: the home page's children marked "show in menus", plus the apps' entries.

    Content families (news, guides, funding, …) come first in tree order, then the entries apps register
    for their views (NAVIGATION_HOOK: the directory), then plain pages such as "Despre" and "Contact".
    """
    site = Site.find_for_request(request)
    if site is None:
        return {"nav_items": [], "home_page": None}
    home = site.root_page
    pages = home.get_children().live().in_menu().public().only("id", "title", "url_path", "path", "depth")
    items = [
        {"title": page.title, "url": page.get_url(request), "page": page, "plain": _is_plain(page)} for page in pages
    ]
    registered = [
        {"title": entry["title"], "url": entry["url"], "page": None, "plain": False}
        for entry in navigation_items(request)
    ]
    items = [item for item in items if not item["plain"]] + registered + [item for item in items if item["plain"]]
    for item in items:
        item["current"] = bool(item["url"]) and item["url"] != "/" and request.path.startswith(item["url"])
    return {"home_page": home, "nav_items": items}


def _is_plain(page):
    return page.specific_class is not None and page.specific_class._meta.label in (
        "website.ContentPage",
        "website.FormPage",
    )


def public_address(request):
    """`public_base_url` for absolute links in templates (canonical, Open Graph) to non-page URLs."""
    return {"public_base_url": public_base_url()}
