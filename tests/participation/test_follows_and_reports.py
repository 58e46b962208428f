import pytest
from django.urls import reverse

from participation import follows
from participation.models import Follow, ModerationState, Report
from participation.moderation import member_block, submission_moderate
from tests.testapp.models import Note


@pytest.fixture
def public_note(member, moderator):
    note = Note.objects.create(author=member, text="Notă publică")
    return submission_moderate(submission=note, action="approve", by=moderator)


def follow_url(note):
    return reverse("participation:follow", args=["testapp.note", note.pk])


@pytest.mark.django_db
class TestFollowing:
    def test_follow_list_and_unfollow(self, client, other_member, public_note):
        client.force_login(other_member)
        assert client.post(follow_url(public_note)).status_code == 302
        assert client.post(follow_url(public_note)).status_code == 302  # twice: still one follow
        assert Follow.objects.filter(user=other_member).count() == 1
        assert list(follows.followers(public_note)) == [other_member]

        page = client.get(reverse("participation:follows")).content.decode()
        assert "Notă publică" in page

        client.post(follow_url(public_note), {"action": "unfollow"})
        assert not Follow.objects.exists()

    def test_what_is_not_public_cannot_be_followed(self, client, other_member, note):
        client.force_login(other_member)
        assert client.post(follow_url(note)).status_code == 404
        assert client.post(reverse("participation:follow", args=["auth.user", other_member.pk])).status_code == 404
        assert client.post(reverse("participation:follow", args=["testapp.note", 2**70])).status_code == 404
        assert not Follow.objects.exists()

    def test_anonymous_readers_are_asked_to_log_in(self, client, public_note):
        response = client.post(follow_url(public_note))
        assert response.status_code == 302
        assert "/cont/" in response["Location"]


@pytest.mark.django_db
class TestReports:
    def url(self, note):
        return reverse("participation:report", args=["testapp.note", note.pk])

    def test_a_member_reports_a_public_submission_once(self, client, other_member, public_note):
        client.force_login(other_member)
        response = client.post(self.url(public_note), {"reason": "Limbaj jignitor"})
        assert response.status_code == 302
        report = Report.objects.get()
        assert (report.reporter, report.target, report.reason) == (other_member, public_note, "Limbaj jignitor")

        response = client.post(self.url(public_note), {"reason": "Din nou"})
        assert response.status_code == 200
        assert "ați raportat deja" in response.content.decode().lower()
        assert Report.objects.count() == 1

    def test_the_reason_is_required_and_kept(self, client, other_member, public_note):
        client.force_login(other_member)
        response = client.post(self.url(public_note), {"reason": ""})
        assert response.status_code == 200
        assert response.context["form"].errors["reason"]
        assert not Report.objects.exists()

    def test_a_pending_submission_cannot_be_reported(self, client, other_member, note):
        client.force_login(other_member)
        assert client.post(self.url(note), {"reason": "x"}).status_code == 404

    def test_a_blocked_member_cannot_report(self, client, other_member, moderator, public_note):
        member_block(user=other_member, by=moderator, reason="Mesaje repetate fără legătură cu subiectul")
        client.force_login(other_member)
        response = client.post(self.url(public_note), {"reason": "x"})
        assert response.status_code == 200
        assert "Mesaje repetate fără legătură cu subiectul" in response.content.decode()
        assert not Report.objects.exists()

    def test_hiding_the_item_closes_its_reports(self, client, other_member, moderator, public_note):
        client.force_login(other_member)
        client.post(self.url(public_note), {"reason": "Date personale"})
        submission_moderate(submission=public_note, action="hide", by=moderator, reason="Conține date personale")
        public_note.refresh_from_db()
        assert public_note.moderation_state == ModerationState.HIDDEN
        assert Report.objects.get().resolved_by == moderator


@pytest.mark.django_db
class TestModerationQueue:
    def test_the_queue_lists_every_kind_with_counts_and_filters(self, client, moderator, member, public_note):
        Note.objects.create(author=member, text="Așteaptă 1")
        Note.objects.create(author=member, text="Așteaptă 2")
        client.force_login(moderator)
        page = client.get(reverse("participation_moderation:queue")).content.decode()
        assert "Așteaptă 1" in page and "Așteaptă 2" in page
        assert "Note de test (2)" in page
        assert "Notă publică" not in page

        page = client.get(reverse("participation_moderation:queue") + "?tip=rapoarte").content.decode()
        assert "Așteaptă 1" not in page

        dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Note de test" in dashboard

    def test_the_decision_page_approves(self, client, moderator, note):
        client.force_login(moderator)
        url = reverse("participation_moderation:decide", args=["note", note.pk])
        assert client.get(url).status_code == 200
        response = client.post(url, {"action": "approve"})
        assert response.status_code == 302
        note.refresh_from_db()
        assert note.moderation_state == ModerationState.APPROVED

    def test_rejecting_without_a_reason_keeps_the_item_waiting(self, client, moderator, note):
        client.force_login(moderator)
        url = reverse("participation_moderation:decide", args=["note", note.pk])
        response = client.post(url, {"action": "reject", "reason": ""})
        assert response.status_code == 200
        note.refresh_from_db()
        assert note.moderation_state == ModerationState.PENDING

    def test_members_and_editors_have_no_access(self, client, member, note):
        client.force_login(member)
        assert client.get(reverse("participation_moderation:queue")).status_code in (302, 403)
        url = reverse("participation_moderation:decide", args=["note", note.pk])
        assert client.post(url, {"action": "approve"}).status_code in (302, 403)
        note.refresh_from_db()
        assert note.moderation_state == ModerationState.PENDING


@pytest.mark.django_db
def test_the_moderators_group_gets_the_core_permissions(home_page):
    from website.groups import MODERATORS, setup_groups

    moderators = setup_groups()[MODERATORS]
    codenames = set(
        moderators.permissions.filter(content_type__app_label="participation").values_list("codename", flat=True)
    )
    assert {"change_report", "add_submissionblock", "delete_submissionblock"} <= codenames


@pytest.mark.django_db
def test_reports_are_rate_limited(client, other_member, moderator, member, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "report": {"user": "2/h", "ip": "50/h"}}
    notes = [
        submission_moderate(
            submission=Note.objects.create(author=member, text=f"Nota {n}"), action="approve", by=moderator
        )
        for n in range(3)
    ]
    client.force_login(other_member)
    for note in notes[:2]:
        assert (
            client.post(
                reverse("participation:report", args=["testapp.note", note.pk]), {"reason": "Spam"}
            ).status_code
            == 302
        )
    response = client.post(
        reverse("participation:report", args=["testapp.note", notes[2].pk]), {"reason": "Spam repetat"}
    )
    assert response.status_code == 429
    assert "Spam repetat" in response.content.decode()
    assert Report.objects.count() == 2
