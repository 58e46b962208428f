"""The hooks through which apps plug into the site shell, so that `website/` imports none of them.

An app registers in its `wagtail_hooks.py` with `@hooks.register(NAME)`; website reads them with
`hooks.get_hooks(NAME)`. Each hook's contract:

NAVIGATION_HOOK `register_navigation_items`
    `fn(request)` -> `{"title": str, "url": str, "order": int}` or None: a header menu entry for a view
    that is not a page (the directory). Entries sit after the content families' index pages and before
    plain pages ("Despre", "Contact"), sorted by `order`.
STAFF_PERMISSIONS_HOOK `register_staff_group_permissions`
    `fn()` -> `{group name: [(app_label, codename), ...]}`: the model permissions an app's staff need
    (group names are `website.groups.EDITORS` and `MODERATORS`); `setup_groups` grants them.
DEMO_DATA_HOOK `register_demo_data`
    `fn()` -> `(order, seed)`: `seed(*, home, topics)` adds the app's demo content idempotently and
    returns the logins to print, `[(role, username, password), ...]`. `seed_demo` calls them by `order`.
HOME_PAGE_BLOCKS_HOOK `register_home_page_blocks`
    `fn(request)` -> `{"order": int, "id": str, "title": str, "more_label": str, "items": pages,
    "card_meta": template}` or None: a section of the home page listing a few pages (with a link to
    their index, the first item's parent), sorted by `order`; a block without items is not shown.
    Items that are not pages come with `"card": template` (their card, reading `item`) and `"more_url"`.
API_ENDPOINTS_HOOK `register_api_endpoints`
    `fn()` -> `(name, viewset class)`: an endpoint of the partner API at `/api/v2/<name>/`. The viewset
    describes itself for `/api/v2/openapi.json` and `/api/docs/` with a classmethod `openapi()` returning a
    `website.openapi.EndpointSchema` (its fields' schema, its filters from its filter set with
    `filterset_parameters`); tests/api/test_openapi.py fails for an endpoint without one.
SITEMAPS_HOOK `register_sitemaps`
    `fn()` -> `{name: Sitemap class}`: sections of `sitemap.xml` beside the pages.
PROFILE_SECTIONS_HOOK `directory_organization_profile_sections`
    `fn(organization, request)` -> `{"title": str, "items": [(label, url), ...]}` or None: a section of
    an organization's public profile (its funding calls, consultations, …); no items, no section; an item
    whose url is None is plain text (a figure).
PERSONAL_DATA_HOOK `members_personal_data`
    `fn(user)` -> `(name, JSON-serialisable data)`: the app's part of a member's data export
    ("Descarcă datele mele").
ACCOUNT_LINKS_HOOK `register_account_links`
    `fn(request)` -> `{"title": str, "url": str, "order": int}` or None: a link in "Contul meu" to the app's part of
    the member's account (my recommendations, my organizations' proposals, my discussions), sorted by `order`.
ACCOUNT_DELETE_HOOK `members_before_account_delete`
    `fn(user)`: delete or anonymise the app's part of a member's data before the account is deleted
    (contributions stay, without the author).
"""

from wagtail import hooks

NAVIGATION_HOOK = "register_navigation_items"
STAFF_PERMISSIONS_HOOK = "register_staff_group_permissions"
DEMO_DATA_HOOK = "register_demo_data"
HOME_PAGE_BLOCKS_HOOK = "register_home_page_blocks"
API_ENDPOINTS_HOOK = "register_api_endpoints"
SITEMAPS_HOOK = "register_sitemaps"
PROFILE_SECTIONS_HOOK = "directory_organization_profile_sections"
PERSONAL_DATA_HOOK = "members_personal_data"
ACCOUNT_DELETE_HOOK = "members_before_account_delete"
ACCOUNT_LINKS_HOOK = "register_account_links"


def _ordered_links(name, request):
    items = [item for item in (hook(request) for hook in hooks.get_hooks(name)) if item]
    return sorted(items, key=lambda item: item.get("order", 0))


def navigation_items(request):
    """The registered menu entries, in their order."""
    return _ordered_links(NAVIGATION_HOOK, request)


def account_links(request):
    """The apps' links in "Contul meu", in their order."""
    return _ordered_links(ACCOUNT_LINKS_HOOK, request)


def demo_loaders():
    """The registered demo loaders `seed(*, home, topics)`, in their order."""
    return [seed for _order, seed in sorted((hook() for hook in hooks.get_hooks(DEMO_DATA_HOOK)), key=lambda p: p[0])]


def home_page_blocks(request):
    """The home page's sections that have something to show, in their order."""
    blocks = [block for block in (hook(request) for hook in hooks.get_hooks(HOME_PAGE_BLOCKS_HOOK)) if block]
    blocks = [{**block, "items": list(block["items"])} for block in blocks]
    return sorted((block for block in blocks if block["items"]), key=lambda block: block["order"])


def api_endpoints():
    """The registered API endpoints, as (name, viewset class) pairs."""
    return [hook() for hook in hooks.get_hooks(API_ENDPOINTS_HOOK)]


def sitemaps():
    """The registered sitemap sections, by name."""
    result = {}
    for hook in hooks.get_hooks(SITEMAPS_HOOK):
        result.update(hook())
    return result
