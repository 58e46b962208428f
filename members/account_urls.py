"""allauth's account pages under Romanian addresses (/cont/…), with allauth's own URL names.

allauth finds its pages by name (`account_login`, …), so mapping its views to other paths is all it takes.
Pages without a Romanian path here keep allauth's (none of them is linked from the site).
"""

from allauth.account import urls as account_urls
from allauth.usersessions import urls as usersessions_urls
from django.urls import path, re_path

ROMANIAN_PATHS = {
    "account_login": "autentificare/",
    "account_logout": "iesire/",
    "account_inactive": "cont-inactiv/",
    "account_signup": "inregistrare/",
    "account_reauthenticate": "confirmare-parola/",
    "account_email": "email/",
    "account_email_verification_sent": "confirmare-email/",
    "account_change_password": "parola/",
    "account_set_password": "parola/setare/",
    "account_reset_password": "parola/resetare/",
    "account_reset_password_done": "parola/resetare/trimis/",
    "account_reset_password_from_key_done": "parola/resetare/gata/",
    "usersessions_list": "sesiuni/",
}
ROMANIAN_REGEX_PATHS = {
    "account_confirm_email": r"^confirmare-email/(?P<key>[-:\w]+)/$",
    "account_reset_password_from_key": r"^parola/resetare/cheie/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
}


def _romanian(pattern):
    if pattern.name in ROMANIAN_PATHS:
        return path(ROMANIAN_PATHS[pattern.name], pattern.callback, name=pattern.name)
    if pattern.name in ROMANIAN_REGEX_PATHS:
        return re_path(ROMANIAN_REGEX_PATHS[pattern.name], pattern.callback, name=pattern.name)
    return pattern


urlpatterns = [_romanian(pattern) for pattern in account_urls.urlpatterns + usersessions_urls.urlpatterns]
