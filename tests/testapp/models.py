from django.db import models

from participation.models import ModeratedSubmission


class Note(ModeratedSubmission):
    """A moderated submission of the simplest kind."""

    text = models.CharField(max_length=200)

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        return f"/note/{self.pk}/"
