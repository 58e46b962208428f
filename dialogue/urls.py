from django.urls import path

from . import views

app_name = "dialogue"

urlpatterns = [
    # Public (members-only threads answer with the login page to anonymous readers)
    path("dialog/", views.thread_list, name="index"),
    path("dialog/feed/", views.ThreadFeed(), name="feed"),
    path("dialog/nou/", views.thread_create, name="create"),
    path("dialog/<int:pk>/", views.thread_detail, name="thread"),
    path("dialog/<int:pk>/raspunde/", views.reply, name="reply"),
    path("dialog/<int:pk>/modifica/", views.thread_edit, name="thread_edit"),
    path("dialog/<int:pk>/raspuns-util/", views.answer_mark, name="answer_mark"),
    path("dialog/<int:pk>/inchide/", views.thread_lock, name="lock"),
    path("dialog/raspunsuri/<int:pk>/modifica/", views.reply_edit, name="reply_edit"),
    # "Contul meu"
    path("contul-meu/dialog/", views.my_posts, name="mine"),
]
