from website.models import BasePage


class FundingIndexPage(BasePage):
    subpage_types = ["funding.FundingCallPage"]


class FundingCallPage(BasePage):
    parent_page_types = ["funding.FundingIndexPage"]
