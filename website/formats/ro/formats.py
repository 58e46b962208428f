"""Romanian formats: Django's, plus the date-time format the Wagtail admin's picker sends.

WAGTAIL_DATETIME_FORMAT ("%d.%m.%Y %H:%M") must be an input format, and Django's Romanian
formats only accept "%d.%m.%Y, %H:%M" (with a comma): without this, no date-time typed or
picked in the admin would validate.
"""

from django.conf.locale.ro import formats as django_formats

DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", *django_formats.DATETIME_INPUT_FORMATS]
