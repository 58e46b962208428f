"""Notifications: rows in "Contul meu", emails at once or in a digest, signed one-click unsubscribe."""

import pytest
from django.core import mail
from django.urls import reverse

from participation import notifications
from participation.models import Frequency, Notification, NotificationPreference
from participation.tasks import send_daily_digests
from tests.factories.members import PASSWORD


@pytest.mark.django_db(transaction=True)
def test_notify_stores_and_emails_at_once(member, other_member, note):
    notifications.notify(
        recipients=[member, other_member],
        kind="note",
        title="Nota a fost aprobată",
        text="Moderatorul a scris: bine argumentat.",
        url="/note/1/",
        subject=note,
    )
    assert Notification.objects.filter(kind="note").count() == 2
    assert sorted(message.to[0] for message in mail.outbox) == sorted([member.email, other_member.email])
    message = mail.outbox[0]
    assert message.subject == "[Bucureștiul social și solidar] Nota a fost aprobată"
    assert "Moderatorul a scris: bine argumentat." in message.body
    assert "http://testserver/note/1/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert 'href="http://testserver/note/1/"' in html
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/dezabonare/" in message.extra_headers["List-Unsubscribe"]
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0


@pytest.mark.django_db(transaction=True)
def test_the_actor_is_not_notified_of_their_own_action(member, other_member):
    notifications.notify(recipients=[member, other_member], kind="note", title="x", exclude=member)
    assert list(Notification.objects.values_list("recipient", flat=True)) == [other_member.pk]


@pytest.mark.django_db(transaction=True)
def test_never_means_no_email_but_still_a_notification(member):
    notifications.preference_set(user=member, kind="note", frequency=Frequency.NEVER)
    notifications.notify(recipients=[member], kind="note", title="Doar în cont.")
    assert mail.outbox == []
    assert Notification.objects.get().title == "Doar în cont."


@pytest.mark.django_db(transaction=True)
def test_a_mail_server_that_is_down_breaks_nothing(member, monkeypatch, client):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("SMTP down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    notifications.notify(recipients=[member], kind="note", title="Trimisă mai târziu.")
    notification = Notification.objects.get()
    assert notification.emailed_at is None  # stays for a retry; the caller saw no error


@pytest.mark.django_db
def test_an_unknown_kind_is_a_programming_error(member):
    with pytest.raises(ValueError, match="Unknown notification kind"):
        notifications.notify(recipients=[member], kind="nu-exista", title="x")


@pytest.mark.django_db(transaction=True)
def test_the_daily_digest_groups_by_kind_and_sends_once(member, other_member):
    notifications.preference_set(user=member, kind="note", frequency=Frequency.DAILY)
    for number in range(3):
        notifications.notify(recipients=[member], kind="note", title=f"Nota {number}")
    notifications.notify(recipients=[member], kind="note-zilnic", title="Rezumat implicit zilnic")
    notifications.notify(recipients=[other_member], kind="note", title="Imediat")
    assert [message.to for message in mail.outbox] == [[other_member.email]]
    mail.outbox.clear()

    assert send_daily_digests.call() == 1
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == [member.email]
    assert "4 notificări noi" in digest.subject
    for text in ("Nota 0", "Nota 1", "Nota 2", "Rezumat implicit zilnic", "Note de test", "Rezumatul notelor de test"):
        assert text in digest.body
    assert digest.body.count("/dezabonare/") == 2

    mail.outbox.clear()
    assert send_daily_digests.call() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_unread_count_in_the_header_and_the_list(client, member):
    notifications.notify(recipients=[member], kind="note", title="Prima notificare")
    notifications.notify(recipients=[member], kind="note", title="A doua notificare")
    client.force_login(member)
    response = client.get(reverse("participation:notifications"))
    assert response.status_code == 200
    assert "Prima notificare" in response.content.decode()
    assert response.context["unread_notifications"] == 2

    client.post(reverse("participation:notifications"))
    assert notifications.unread_count(member) == 0


@pytest.mark.django_db
def test_opening_a_notification_marks_it_read_and_follows_its_link(client, member):
    [notification] = notifications.notify(recipients=[member], kind="note", title="Deschide", url="/organizatii/")
    client.force_login(member)
    response = client.post(reverse("participation:notification_open", args=[notification.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/organizatii/"
    notification.refresh_from_db()
    assert notification.read_at is not None


@pytest.mark.django_db
def test_nobody_opens_someone_elses_notification(client, member, other_member):
    [notification] = notifications.notify(recipients=[member], kind="note", title="Privată")
    client.force_login(other_member)
    assert client.post(reverse("participation:notification_open", args=[notification.pk])).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


@pytest.mark.django_db
def test_preferences_page_saves_each_kind(client, member):
    client.force_login(member)
    response = client.get(reverse("participation:preferences"))
    assert "Note de test" in response.content.decode()
    every_kind = {key: kind.default for key, kind in notifications.notification_kinds().items()}
    response = client.post(
        reverse("participation:preferences"), {**every_kind, "note": "zilnic", "note-zilnic": "niciodata"}
    )
    assert response.status_code == 302
    chosen = dict(NotificationPreference.objects.filter(user=member).values_list("kind", "frequency"))
    assert (chosen["note"], chosen["note-zilnic"]) == ("zilnic", "niciodata")
    response = client.post(reverse("participation:preferences"), {**every_kind, "note": "des"})
    assert response.status_code == 200
    assert response.context["form"].errors["note"]


class TestUnsubscribe:
    @pytest.mark.django_db
    def test_get_asks_post_unsubscribes(self, client, member):
        url = reverse("participation:unsubscribe", args=[notifications.unsubscribe_token(user=member, kind="note")])
        response = client.get(url)
        assert response.status_code == 200
        assert "Note de test" in response.content.decode()
        assert not NotificationPreference.objects.exists()

        response = client.post(url)
        assert response.status_code == 200
        assert NotificationPreference.objects.get(user=member, kind="note").frequency == Frequency.NEVER

    @pytest.mark.django_db
    @pytest.mark.parametrize("tamper", ["x", "abc:def:ghi", ""])
    def test_a_tampered_link_changes_nothing(self, client, member, tamper):
        token = notifications.unsubscribe_token(user=member, kind="note")
        response = client.post(reverse("participation:unsubscribe", args=[token[:-3] + "abc" + tamper]))
        assert response.status_code == 400
        assert "nu este valid" in response.content.decode()
        assert not NotificationPreference.objects.exists()

    @pytest.mark.django_db
    def test_a_token_for_an_unknown_kind_is_refused(self, client, member):
        from django.core import signing

        token = signing.dumps({"u": member.pk, "k": "altceva"}, salt=notifications.UNSUBSCRIBE_SALT, compress=True)
        assert client.post(reverse("participation:unsubscribe", args=[token])).status_code == 400

    @pytest.mark.django_db
    def test_the_link_only_touches_its_own_member(self, client, member, other_member):
        client.login(username=other_member.username, password=PASSWORD)
        url = reverse("participation:unsubscribe", args=[notifications.unsubscribe_token(user=member, kind="note")])
        client.post(url)
        assert not NotificationPreference.objects.filter(user=other_member).exists()
        assert NotificationPreference.objects.filter(user=member).exists()
