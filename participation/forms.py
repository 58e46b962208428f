from django import forms
from django.utils.translation import gettext_lazy as _

from website.collation import romanian
from website.models import Topic

from . import follows
from .models import Frequency


class PreferencesForm(forms.Form):
    """One choice per notification kind: at once, in a daily digest, or never by email."""

    def __init__(self, *args, kinds, initial_frequencies, **kwargs):
        super().__init__(*args, **kwargs)
        for key, kind in kinds.items():
            self.fields[key] = forms.ChoiceField(
                label=kind.label,
                choices=Frequency.choices,
                initial=initial_frequencies.get(key, kind.default),
                widget=forms.RadioSelect,
            )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("For example: offensive language, personal data, advertising, false information."),
    )


class TopicsForm(forms.Form):
    """The topics a member follows: news, calls, guides and consultations on them reach their notifications."""

    topics = forms.ModelMultipleChoiceField(
        label=_("Topics I follow"), queryset=Topic.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["topics"].queryset = Topic.objects.order_by(romanian("name"))
        followed = [item.followed for item in follows.follows_of(user) if isinstance(item.followed, Topic)]
        self.fields["topics"].initial = [topic.pk for topic in followed]
        self.followed = set(followed)

    def save(self):
        chosen = set(self.cleaned_data["topics"])
        for topic in chosen - self.followed:
            follows.follow(user=self.user, obj=topic)
        for topic in self.followed - chosen:
            follows.unfollow(user=self.user, obj=topic)
