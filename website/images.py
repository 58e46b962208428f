"""The image form of the admin, with help on what each field is for on this site."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

HELP_TEXTS = {
    "title": _("The image's name in the admin's library, to find it again. Readers do not see it."),
    "description": _(
        "The alternative text: what the image shows, in one sentence, for readers who cannot see it "
        "(screen readers, images that do not load). E.g. “Volunteers planting trees in Tineretului Park”. "
        "Do not start with “Image of”."
    ),
}


class ImageForm(BaseImageForm):
    """Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE) with the help texts above."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, help_text in HELP_TEXTS.items():
            if name in self.fields:
                self.fields[name].help_text = help_text
