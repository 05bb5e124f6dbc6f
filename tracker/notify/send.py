"""Hand one message to one channel through Apprise; the reason of a failure, secret-free.

Apprise (the library changedetection.io uses) speaks to e-mail, chat and webhook services;
we never write our own senders. A URL's ``${VAR}`` references are expanded here, at the last
moment, and every expanded value is scrubbed from anything we report or log.
"""

from __future__ import annotations

import logging

from tracker.notify.secrets import apprise_logs, expand, redact, template_secrets
from tracker.notify.render import HTML, JSON, MARKDOWN, Message

log = logging.getLogger(__name__)
SEND_TIMEOUT = 60.0     # seconds for one message to one channel, all retries included


class DeliveryError(Exception):
    """A channel refused or could not take a message; the text holds no secret."""


def display_url(template: str) -> str:
    """How a channel is shown to the operator: Apprise's privacy form of the URL (passwords
    and tokens masked, no query) with every ``${VAR}`` value scrubbed; else the scheme."""
    import apprise

    secrets = template_secrets(template)
    try:
        with apprise_logs(secrets, show=False):
            plugin = apprise.Apprise.instantiate(expand(template), suppress_exceptions=True)
        if plugin is not None:
            return redact(str(plugin.url(privacy=True)).split("?", 1)[0], secrets)
    except Exception:  # noqa: BLE001 - a missing variable, a plugin that cannot re-render
        pass
    return template.split("://", 1)[0] + "://…"


def deliver(template: str, message: Message, secrets: tuple[str, ...]) -> None:
    """Send ``message`` to the channel at ``template``; DeliveryError with a redacted reason."""
    import apprise

    try:
        url = expand(template)
    except KeyError as exc:
        raise DeliveryError(f"environment variable {exc.args[0]} is not set") from None
    body_format = {HTML: apprise.NotifyFormat.HTML, MARKDOWN: apprise.NotifyFormat.MARKDOWN,
                   JSON: apprise.NotifyFormat.TEXT}[message.fmt]
    sender = apprise.Apprise()
    with apprise_logs(secrets, show=logging.getLogger().isEnabledFor(logging.INFO)):
        if not sender.add(url):
            raise DeliveryError(f"{display_url(template)} is not a URL Apprise can send to")
        try:
            result = sender.notify(body=message.body, title=message.title,
                                   body_format=body_format, timeout=SEND_TIMEOUT)
        except Exception as exc:  # noqa: BLE001 - a plugin bug is this channel's failure
            raise DeliveryError(redact(f"{type(exc).__name__}: {exc}", secrets)) from None
    if not result:
        raise DeliveryError(redact(_reason(result), secrets))


def _reason(result: object) -> str:
    """The last warning or error Apprise logged for the call, on one line."""
    lines: list[str] = []
    logs = getattr(result, "logs", None)
    if callable(logs):
        for entry in logs():
            text = " ".join(str(getattr(entry, "message", entry)).split())
            if text and getattr(entry, "level", "WARNING") in ("WARNING", "ERROR", "CRITICAL"):
                lines.append(text)
    return lines[-1][:300] if lines else "the service did not accept the message"
