"""The dialogue's pages through the Django test client: the listing (filters, counts, pagination, badges, the private
group), opening a thread, replying and quoting, corrections inside and outside the window, the answer that helped,
closing, blocks, bad input and the rate limit. A refused form answers 400 (429 for posting too fast) with a Romanian
message and everything the member typed."""

from datetime import timedelta
from html import unescape

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Site

from dialogue import services
from dialogue.models import Post, Thread, ThreadKind, Visibility, dialogue_settings
from participation.models import ModerationState, SubmissionBlock
from tests.factories.dialogue import PostFactory, ThreadFactory
from tests.factories.directory import OrganizationFactory
from tests.factories.website import TopicFactory
from website.models import SiteSettings

pytestmark = pytest.mark.django_db
INDEX = "/dialog/"
NEW = "/dialog/nou/"
LOGIN = "/cont/autentificare/"
GROUP_URL = "https://www.facebook.com/groups/bucuresti-social-membri"
TOO_FAST = "Ați trimis acest formular de prea multe ori"


@pytest.fixture(autouse=True)
def site(home_page):
    return home_page


def url(thread, suffix=""):
    return f"/dialog/{thread.pk}/{suffix}"


def text(response):
    return unescape(response.content.decode())


def limit(rates):
    return override_settings(RATE_LIMITS={**settings.RATE_LIMITS, "dialogue_post": rates})


def cards(response):
    return response.content.decode().count('class="card thread-card"')


def new_thread_data(**overrides):
    return {
        "title": "Cum obținem un spațiu de la primărie pentru un centru de zi?",
        "text": "Am depus cererea acum trei luni.\n\n- ce acte mai trebuie?\n- cine decide?",
        "kind": ThreadKind.ASSISTANCE,
        "visibility": Visibility.PUBLIC,
        **overrides,
    }


def reply_to(thread, user, text="Vă recomand să cereți o audiență la direcția de patrimoniu.", **kwargs):
    """An approved reply through the service (the thread's counters follow), by a member past premoderation."""
    post = services.reply_create(thread=thread, user=user, text=text, **kwargs)
    assert post.moderation_state == ModerationState.APPROVED
    thread.refresh_from_db()
    return post


def set_activity(thread, days_ago):
    Thread.objects.filter(pk=thread.pk).update(last_activity_at=timezone.now() - timedelta(days=days_ago))


# The listing


def test_the_listing_shows_the_threads_by_latest_activity_with_what_they_are(client, people):
    old = ThreadFactory(title="Discuția veche", author=people.asker, organization=people.ngo)
    solved = ThreadFactory(title="Cererea rezolvată", kind=ThreadKind.ASSISTANCE)
    answer = reply_to(solved, people.trusted)
    services.answer_mark(thread=solved, reply=answer, user=solved.author)
    closed = ThreadFactory(title="Discuția închisă")
    services.thread_lock(thread=closed, by=people.moderator, reason="Subiect epuizat.")
    for thread, days in ((old, 9), (solved, 1), (closed, 3)):
        set_activity(thread, days)

    page = text(client.get(INDEX))
    assert page.index("Cererea rezolvată") < page.index("Discuția închisă") < page.index("Discuția veche")
    assert "Rezolvată" in page and "Închisă" in page and "Cerere de asistență" in page
    assert "Asociația Vecinii Solidari" in page  # the organization, never the member's email
    assert people.asker.email not in page
    assert '<link rel="alternate" type="application/rss+xml"' in page and 'href="/dialog/feed/"' in page
    assert f'href="{LOGIN}?next=/dialog/nou/"' in page and 'href="/dialog/nou/"' not in page


def test_filters_by_kind_answers_and_topic_with_counts(client, people):
    housing = TopicFactory(name="Locuire", slug="locuire")
    waiting = ThreadFactory(title="Cerere fără răspuns", kind=ThreadKind.ASSISTANCE, topics=[housing])
    answered = ThreadFactory(title="Cerere cu răspuns", kind=ThreadKind.ASSISTANCE)
    reply_to(answered, people.trusted)
    solved = ThreadFactory(title="Cerere rezolvată", kind=ThreadKind.ASSISTANCE)
    services.answer_mark(thread=solved, reply=reply_to(solved, people.trusted), user=solved.author)
    ThreadFactory(title="Discuție liberă", topics=[housing])

    unanswered = client.get(INDEX, {"tip": "asistenta", "stare": "fara-raspuns"})
    assert cards(unanswered) == 1 and "Cerere fără răspuns" in text(unanswered)
    page = text(unanswered)
    assert "Cerere de asistență (1)" in page  # assistance requests without replies
    assert "Fără răspuns (1)" in page and "Cu răspunsuri (2)" in page and "Cereri rezolvate (1)" in page

    solved_only = text(client.get(INDEX, {"stare": "rezolvate"}))
    assert "Cerere rezolvată" in solved_only and "Cerere cu răspuns" not in solved_only
    by_topic = client.get(INDEX, {"tema": "locuire"})
    assert cards(by_topic) == 2 and "Locuire (2)" in text(by_topic)
    assert {"Cerere fără răspuns", "Discuție liberă"} <= {t.title for t in by_topic.context["threads"]}
    assert waiting in by_topic.context["threads"]

    ignored = client.get(INDEX, {"stare": "oricare"})
    # The world's two discussions (under the trusted member's replies) are listed too.
    assert ignored.status_code == 200 and cards(ignored) == 6 and "a fost ignorat" in text(ignored)


def test_the_box_for_those_who_can_help_counts_the_unanswered_requests(client, people):
    ThreadFactory.create_batch(2, kind=ThreadKind.ASSISTANCE)
    ThreadFactory(kind=ThreadKind.ASSISTANCE, moderation_state=ModerationState.PENDING)
    ThreadFactory(kind=ThreadKind.ASSISTANCE, visibility=Visibility.MEMBERS)
    anonymous = text(client.get(INDEX))
    assert "Cereri de asistență fără răspuns (2)" in anonymous
    assert 'href="/dialog/?tip=asistenta&stare=fara-raspuns"' in anonymous
    client.force_login(people.helper)
    assert "Cereri de asistență fără răspuns (3)" in text(client.get(INDEX))  # members-only ones too


def test_the_listing_paginates_by_twenty(client, people):
    ThreadFactory.create_batch(23)
    total = Thread.objects.count()
    first = client.get(INDEX)
    assert cards(first) == 20 and f"{total} de discuții" in text(first)
    second = client.get(INDEX, {"page": 2})
    assert cards(second) == total - 20
    assert cards(client.get(INDEX, {"page": "nu"})) == 20


def test_members_see_the_private_groups_link_and_anonymous_readers_only_that_it_exists(client, people, home_page):
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    site_settings.discussion_group_url = GROUP_URL
    site_settings.save()
    rules = dialogue_settings()
    rules.rules = "Fără reclame.\nRespectați-vă interlocutorii."
    rules.save()

    anonymous = text(client.get(INDEX))
    assert "Grupul privat al membrilor" in anonymous and "Autentificați-vă pentru a vedea linkul" in anonymous
    # Nowhere on the page, the footer included.
    assert GROUP_URL not in anonymous
    assert "Fără reclame.<br>Respectați-vă interlocutorii." in anonymous

    client.force_login(people.helper)
    member = text(client.get(INDEX))
    assert f'href="{GROUP_URL}"' in member and "Intrați în grupul privat al membrilor" in member
    assert 'href="/dialog/nou/"' in member and "Deschideți o discuție" in member


# Opening a thread


def test_opening_a_thread_needs_a_login(client):
    response = client.get(NEW)
    assert response.status_code == 302 and response["Location"] == f"{LOGIN}?next=/dialog/nou/"
    assert client.post(NEW, new_thread_data()).status_code == 302
    assert not Thread.objects.filter(title=new_thread_data()["title"]).exists()


def test_the_platforms_team_publishes_at_once(client, people):
    client.force_login(people.editor)
    topic = TopicFactory(name="Mediu", slug="mediu")
    response = client.post(NEW, new_thread_data(topics=[topic.pk]), follow=True)
    thread = Thread.objects.get(title=new_thread_data()["title"])
    assert response.redirect_chain[0] == (url(thread), 302)
    page = text(response)
    assert "Discuția dumneavoastră a fost publicată." in page
    assert thread.moderation_state == ModerationState.APPROVED and thread.by_staff
    assert list(thread.topics.all()) == [topic] and thread.kind == ThreadKind.ASSISTANCE
    assert "Echipa platformei" in page and "<li>ce acte mai trebuie?</li>" in page


def test_a_new_members_thread_waits_for_moderation_and_only_they_see_it(client, people):
    client.force_login(people.asker)
    form = text(client.get(NEW))
    assert "**aldin**" in form and "În nume propriu" in form and "Asociația Vecinii Solidari" in form
    response = client.post(
        NEW, new_thread_data(visibility=Visibility.MEMBERS, organization=people.ngo.pk), follow=True
    )
    thread = Thread.objects.get(title=new_thread_data()["title"])
    assert (thread.moderation_state, thread.organization, thread.visibility) == (
        ModerationState.PENDING,
        people.ngo,
        Visibility.MEMBERS,
    )
    page = text(response)
    assert "Un moderator o va citi înainte de publicare" in page and "În așteptarea moderării" in page
    assert '<meta name="robots" content="noindex">' in page
    assert "În așteptarea moderării" in text(client.get(INDEX))

    client.force_login(people.helper)
    assert client.get(url(thread)).status_code == 404
    assert new_thread_data()["title"] not in text(client.get(INDEX))


def test_writing_on_behalf_of_someone_elses_organization_is_refused(client, people):
    client.force_login(people.asker)
    other = OrganizationFactory(name="Fundația Altcuiva", live=True)
    response = client.post(NEW, new_thread_data(organization=other.pk))
    assert response.status_code == 400 and "Selectați o opțiune validă" in text(response)
    assert new_thread_data()["text"] in text(response)
    assert not Thread.objects.filter(author=people.asker).exists()

    client.force_login(people.helper)  # a member of no organization: no such field, whatever is posted
    assert 'name="organization"' not in text(client.get(NEW))
    client.post(NEW, new_thread_data(organization=other.pk))
    assert Thread.objects.get(author=people.helper).organization is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": ""}, "Scrieți mesajul."),
        ({"text": "   \n  "}, "Scrieți mesajul."),
        ({"title": ""}, "Dați un titlu discuției."),
        ({"text": "x" * 50_000}, "Mesajul este prea lung"),
        ({"title": "T" * 300}, "Titlul este prea lung"),
    ],
)
def test_empty_or_too_long_posts_are_refused_with_what_was_typed(client, people, data, message):
    client.force_login(people.trusted)
    typed = new_thread_data(**data)
    response = client.post(NEW, typed)
    page = text(response)
    assert response.status_code == 400
    assert message in page and "Există o problemă" in page
    for field in ("title", "text"):
        if typed[field].strip():
            assert typed[field] in page
    assert not Thread.objects.filter(author=people.trusted).exists()


def test_posting_too_fast_answers_429_with_what_was_typed(client, people):
    client.force_login(people.trusted)
    with limit({"user": "1/m", "ip": "100/m"}):
        assert client.post(NEW, new_thread_data(title="Prima")).status_code == 302
        response = client.post(NEW, new_thread_data(title="A doua, prea repede"))
    assert response.status_code == 429
    page = text(response)
    assert TOO_FAST in page and "A doua, prea repede" in page and new_thread_data()["text"] in page
    assert not Thread.objects.filter(title="A doua, prea repede").exists()


def test_a_blocked_member_sees_why_and_cannot_post(client, people):
    SubmissionBlock.objects.create(user=people.trusted, reason="Mesaje publicitare repetate.")
    client.force_login(people.trusted)
    form = text(client.get(NEW))
    assert "Moderatorii v-au oprit" in form and "Mesaje publicitare repetate." in form
    assert '<fieldset class="form-fieldset" disabled>' in form

    response = client.post(NEW, new_thread_data())
    assert response.status_code == 400
    page = text(response)
    assert "Mesaje publicitare repetate." in page and new_thread_data()["text"] in page
    assert not Thread.objects.filter(author=people.trusted).exists()

    thread = ThreadFactory()
    page = text(client.get(url(thread)))
    assert "Mesaje publicitare repetate." in page and f'action="/dialog/{thread.pk}/raspunde/' not in page
    response = client.post(url(thread, "raspunde/"), {"text": "Totuși răspund."})
    assert response.status_code == 400
    assert "Mesaje publicitare repetate." in text(response) and "Totuși răspund." in text(response)
    assert not thread.posts.exists()


# Replies and quotes


def test_a_trusted_members_reply_is_published_and_a_new_members_waits(client, people):
    thread = ThreadFactory(author=people.asker)
    client.force_login(people.trusted)
    assert f'action="/dialog/{thread.pk}/raspunde/#raspunde"' in text(client.get(url(thread)))
    response = client.post(url(thread, "raspunde/"), {"text": "Încercați la **Direcția Generală de Asistență**."})
    post = Post.objects.get(thread=thread)
    assert response.status_code == 302 and response["Location"] == f"{url(thread)}#raspuns-{post.pk}"
    page = text(client.get(url(thread)))
    assert "<strong>Direcția Generală de Asistență</strong>" in page and f'id="raspuns-{post.pk}"' in page
    thread.refresh_from_db()
    assert thread.reply_count == 1

    client.force_login(people.helper)
    client.post(url(thread, "raspunde/"), {"text": "Și eu am aceeași problemă."})
    pending = Post.objects.get(thread=thread, author=people.helper)
    assert pending.moderation_state == ModerationState.PENDING
    own = text(client.get(url(thread)))
    assert "Și eu am aceeași problemă." in own and "Doar dumneavoastră vedeți acest răspuns" in own
    client.force_login(people.asker)
    assert "Și eu am aceeași problemă." not in text(client.get(url(thread)))
    assert client.get(url(thread, "raspunde/")).status_code == 302  # a GET goes back to the thread


def test_an_empty_reply_is_refused_and_anonymous_readers_are_asked_to_log_in(client, people):
    thread = ThreadFactory()
    page = text(client.get(url(thread)))
    assert f'href="{LOGIN}?next=/dialog/{thread.pk}/%23raspunde"' in page and 'name="text"' not in page
    assert client.post(url(thread, "raspunde/"), {"text": "Anonim"})["Location"].startswith(LOGIN)
    client.force_login(people.trusted)
    response = client.post(url(thread, "raspunde/"), {"text": "  "})
    assert response.status_code == 400 and "Scrieți mesajul." in text(response)
    response = client.post(url(thread, "raspunde/"), {"text": "y" * 50_000})
    assert response.status_code == 400 and "Mesajul este prea lung" in text(response)
    assert "y" * 50_000 in text(response)
    assert not thread.posts.exists()


def test_quoting_a_reply_prefills_the_form_and_shows_the_quote(client, people):
    thread = ThreadFactory()
    quoted = reply_to(thread, people.trusted, text="Direcția de patrimoniu decide în 30 de zile.")
    client.force_login(people.editor)
    form = text(client.get(url(thread), {"citeaza": quoted.pk}))
    assert f'<input type="hidden" name="quote" value="{quoted.pk}"' in form
    assert "Citați răspunsul scris de Carmen Popescu" in form
    assert f'href="?citeaza={quoted.pk}#raspunde"' in form

    client.post(url(thread, "raspunde/"), {"text": "Confirm, așa a fost și la noi.", "quote": quoted.pk})
    post = Post.objects.get(thread=thread, author=people.editor)
    assert post.quote == quoted
    page = text(client.get(url(thread)))
    assert "Carmen Popescu a scris:" in page and f'<a href="#raspuns-{quoted.pk}">' in page

    # A quote of a reply now hidden is no longer shown.
    Post.objects.filter(pk=quoted.pk).update(moderation_state=ModerationState.HIDDEN)
    assert "Carmen Popescu a scris:" not in text(client.get(url(thread)))


def test_a_quote_from_another_thread_or_unknown_is_refused_with_the_text_kept(client, people):
    thread = ThreadFactory()
    elsewhere = PostFactory(text="Alt fir.")
    client.force_login(people.trusted)
    for quote in (elsewhere.pk, 999_999):
        response = client.post(url(thread, "raspunde/"), {"text": "Răspunsul meu citat.", "quote": quote})
        assert response.status_code == 400
        assert "Puteți cita doar un răspuns din această discuție." in text(response)
        assert "Răspunsul meu citat." in text(response)
    assert not thread.posts.exists()
    assert client.get(url(thread), {"citeaza": elsewhere.pk}).context["reply_form"]["quote"].value() is None


# Corrections


def test_the_author_corrects_a_reply_inside_the_window(client, people):
    thread = ThreadFactory()
    post = reply_to(thread, people.trusted, text="Termenul este de 30 de zile.")
    client.force_login(people.trusted)
    page = text(client.get(url(thread)))
    assert f'href="/dialog/raspunsuri/{post.pk}/modifica/"' in page
    form = text(client.get(f"/dialog/raspunsuri/{post.pk}/modifica/"))
    assert "Termenul este de 30 de zile." in form and "30 de minute" in form
    response = client.post(f"/dialog/raspunsuri/{post.pk}/modifica/", {"text": "Termenul este de 45 de zile."})
    assert response.status_code == 302 and response["Location"] == f"{url(thread)}#raspuns-{post.pk}"
    post.refresh_from_db()
    assert post.text == "Termenul este de 45 de zile." and post.edited_at is not None
    assert "modificat pe" in text(client.get(url(thread)))

    client.force_login(people.helper)
    assert f"/dialog/raspunsuri/{post.pk}/modifica/" not in text(client.get(url(thread)))
    assert client.post(f"/dialog/raspunsuri/{post.pk}/modifica/", {"text": "Nu e al meu"}).status_code == 403


def test_the_author_corrects_the_thread_and_an_untrusted_one_goes_back_to_moderation(client, people):
    thread = ThreadFactory(author=people.helper, title="Titlu cu greșeală")
    client.force_login(people.helper)
    assert f'href="/dialog/{thread.pk}/modifica/"' in text(client.get(url(thread)))
    form = text(client.get(url(thread, "modifica/")))
    assert "Titlu cu greșeală" in form
    corrected = {"title": "Titlu corectat", "text": "Text corectat."}
    response = client.post(url(thread, "modifica/"), corrected, follow=True)
    thread.refresh_from_db()
    assert (thread.title, thread.text, thread.moderation_state) == (
        "Titlu corectat",
        "Text corectat.",
        ModerationState.PENDING,
    )
    assert "Un moderator le va citi" in text(response)
    response = client.post(url(thread, "modifica/"), {"title": "", "text": "Fără titlu."})
    assert response.status_code == 400 and "Dați un titlu discuției." in text(response)
    assert "Fără titlu." in text(response)


def test_outside_the_window_the_author_is_told_and_keeps_the_text(client, people):
    thread = ThreadFactory()
    post = reply_to(thread, people.trusted, text="Prima variantă.")
    Post.objects.filter(pk=post.pk).update(created_at=timezone.now() - timedelta(minutes=31))
    client.force_login(people.trusted)
    assert f"/dialog/raspunsuri/{post.pk}/modifica/" not in text(client.get(url(thread)))
    response = client.get(f"/dialog/raspunsuri/{post.pk}/modifica/", follow=True)
    assert "Mesajul nu mai poate fi modificat" in text(response)
    response = client.post(f"/dialog/raspunsuri/{post.pk}/modifica/", {"text": "A doua variantă, prea târziu."})
    assert response.status_code == 400
    assert "Mesajul nu mai poate fi modificat" in text(response) and "A doua variantă, prea târziu." in text(response)
    post.refresh_from_db()
    assert post.text == "Prima variantă."


# The answer that helped


def test_the_asker_marks_the_answer_that_helped_and_it_shows_first(client, people):
    request = ThreadFactory(author=people.asker, kind=ThreadKind.ASSISTANCE, title="Cum scriem un proiect?")
    first = reply_to(request, people.trusted, text="Primul răspuns.")
    helpful = reply_to(request, people.editor, text="Răspunsul util.")
    client.force_login(people.asker)
    page = text(client.get(url(request)))
    assert page.index("Primul răspuns.") < page.index("Răspunsul util.")
    assert page.count("Marchează ca răspunsul care a ajutat") == 2

    response = client.post(url(request, "raspuns-util/"), {"reply": helpful.pk})
    assert response.status_code == 302 and response["Location"] == f"{url(request)}#raspuns-{helpful.pk}"
    request.refresh_from_db()
    assert request.accepted_reply == helpful
    page = text(client.get(url(request)))
    assert page.index("Răspunsul care a ajutat") < page.index("Răspunsul util.") < page.index("Primul răspuns.")
    assert "Nu mai este răspunsul care a ajutat" in page
    assert "Rezolvată" in text(client.get(INDEX, {"stare": "rezolvate"}))

    client.post(url(request, "raspuns-util/"), {"unmark": "1"})
    request.refresh_from_db()
    assert request.accepted_reply is None
    assert first.pk  # still there, in date order again
    response = client.post(url(request, "raspuns-util/"), {"reply": "abc"}, follow=True)
    assert "Alegeți unul dintre răspunsurile acestei cereri." in text(response)


def test_only_the_asker_or_a_moderator_marks_and_only_on_assistance_requests(client, people):
    request = ThreadFactory(author=people.asker, kind=ThreadKind.ASSISTANCE)
    answer = reply_to(request, people.trusted)
    client.force_login(people.helper)
    assert "Marchează ca răspunsul care a ajutat" not in text(client.get(url(request)))
    assert client.post(url(request, "raspuns-util/"), {"reply": answer.pk}).status_code == 403
    discussion = ThreadFactory(author=people.helper)
    reply = reply_to(discussion, people.trusted)
    assert "Marchează ca răspunsul care a ajutat" not in text(client.get(url(discussion)))
    assert client.post(url(discussion, "raspuns-util/"), {"reply": reply.pk}).status_code == 403
    assert client.get(url(request, "raspuns-util/")).status_code == 405
    request.refresh_from_db()
    assert request.accepted_reply is None


# Closing


def test_a_moderator_closes_a_thread_and_replies_are_refused_with_the_text_kept(client, people):
    thread = ThreadFactory()
    client.force_login(people.moderator)
    page = text(client.get(url(thread)))
    assert "Închide discuția" in page
    response = client.post(url(thread, "inchide/"), {"action": "lock", "reason": "Discuția a deviat de la subiect."})
    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.is_locked and thread.lock_reason == "Discuția a deviat de la subiect."

    client.force_login(people.trusted)
    page = text(client.get(url(thread)))
    assert "Discuția a fost închisă de moderatori." in page and "Discuția a deviat de la subiect." in page
    assert 'name="text"' not in page and "Închide discuția" not in page
    response = client.post(url(thread, "raspunde/"), {"text": "Un ultim gând."})
    assert response.status_code == 400
    page = text(response)
    assert "Această discuție este închisă: nu mai primește răspunsuri." in page and "Un ultim gând." in page
    assert not thread.posts.exists()
    assert client.post(url(thread, "inchide/"), {"action": "unlock"}).status_code == 403

    client.force_login(people.moderator)
    assert "Redeschide discuția" in text(client.get(url(thread)))
    client.post(url(thread, "inchide/"), {"action": "unlock"})
    thread.refresh_from_db()
    assert not thread.is_locked


# Not found


def test_unknown_threads_and_replies_answer_404(client, people):
    assert client.get("/dialog/999999/").status_code == 404
    assert client.get(f"/dialog/{2**64}/").status_code == 404
    client.force_login(people.trusted)
    assert client.get(f"/dialog/raspunsuri/{2**64}/modifica/").status_code == 404
    assert client.post(f"/dialog/{2**64}/raspunde/", {"text": "x"}).status_code == 404


# "Contul meu"


def test_my_discussions_list_threads_and_replies_with_the_moderators_reasons(client, people):
    assert client.get("/contul-meu/dialog/")["Location"].startswith(LOGIN)
    ThreadFactory(author=people.helper, title="Discuția mea publicată")
    ThreadFactory(
        author=people.helper,
        title="Discuția mea respinsă",
        moderation_state=ModerationState.REJECTED,
        moderation_reason="Nu ține de tema platformei.",
    )
    other = ThreadFactory(title="Discuția altcuiva")
    PostFactory(
        thread=other,
        author=people.helper,
        text="Răspunsul meu ascuns.",
        moderation_state=ModerationState.HIDDEN,
        moderation_reason="Date personale.",
    )
    client.force_login(people.helper)
    threads = text(client.get("/contul-meu/dialog/"))
    assert "Discuția mea publicată" in threads and "Discuție publicată" in threads
    assert "Discuție respinsă de moderatori" in threads and "Nu ține de tema platformei." in threads
    assert "Discuția altcuiva" not in threads
    replies = text(client.get("/contul-meu/dialog/", {"vedere": "raspunsuri"}))
    assert "Discuția altcuiva" in replies and "Răspunsul meu ascuns." in replies
    assert "Răspuns ascuns de moderatori" in replies and "Date personale." in replies
