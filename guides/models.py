from website.models import BasePage


class GuideIndexPage(BasePage):
    subpage_types = ["guides.LegislationGuidePage"]


class LegislationGuidePage(BasePage):
    parent_page_types = ["guides.GuideIndexPage"]
