from django.contrib import admin

from .models import ChairRequest, LiveQuestion, LiveRoom, NetworkingPlan, Poll


@admin.register(LiveRoom)
class LiveRoomAdmin(admin.ModelAdmin):
    list_display = ["programme_item", "code", "is_open", "moderation"]
    list_filter = ["is_open", "event"]
    filter_horizontal = ["hosts"]


@admin.register(LiveQuestion)
class LiveQuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "room", "status", "votes_count", "created_at"]
    list_filter = ["status"]


@admin.register(ChairRequest)
class ChairRequestAdmin(admin.ModelAdmin):
    list_display = ["name", "topic", "room", "status", "created_at"]


@admin.register(Poll)
class PollAdmin(admin.ModelAdmin):
    list_display = ["question", "room", "kind", "status"]


@admin.register(NetworkingPlan)
class NetworkingPlanAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "table_size", "rounds_count", "participants_count"]
