"""OUT/index.html: every subscription feed, in every published language, with the links each
calendar client needs and how to subscribe.

One self-contained page (no script, no external resource), French first with English beside
it. With a base URL (`--base-url` or `feeds.base_url`), each feed gets its address and webcal
link (Apple Calendar, Thunderbird, Outlook for Windows) and - only for a public https address,
the one the cloud services can reach - one-click links for Outlook on the web (Microsoft 365,
Outlook.com) and Google Calendar; without one, links are relative.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote, urlencode, urlsplit

from ..model import Model
from .feeds import Feed

OUTLOOK_WORK = "https://outlook.office.com/calendar/0/addfromweb"
OUTLOOK_PERSONAL = "https://outlook.live.com/calendar/0/addfromweb"
# Google Calendar's documented way in: the « From URL » settings page, where the https address
# is pasted (the `?cid=` link is undocumented and fails with « Unable to add calendar »)
GOOGLE = "https://calendar.google.com/calendar/u/0/r/settings/addbyurl"

GROUPS = (
    ("all", "Tout le calendrier", "Whole calendar"),
    ("deadlines", "Échéances", "Deadlines"),
    ("level", "Par niveau", "By level"),
    ("body", "Par instance", "By body"),
    ("institution", "Par institution", "By institution"),
)

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;
max-width:72rem;padding:0 1rem;color:#1b1f24;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem}
.en{color:#57606a}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #d0d7de;vertical-align:top}
th{background:#f6f8fa}a{color:#0a58ca}.links a{margin-right:.8rem;white-space:nowrap}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:2rem}
code{background:#f6f8fa;padding:0 .25rem;border-radius:3px;word-break:break-all}
.links code{display:block;margin-top:.3rem;user-select:all;-webkit-user-select:all}
.links a{display:inline-block}.lang,.label{display:none}
.note{background:#fff8c5;border:1px solid #d4a72c;padding:.5rem .8rem;border-radius:4px}
@media (max-width:50rem){.cols{grid-template-columns:1fr}
body{margin:1rem auto;padding:0 .75rem}
table,tbody,tr,td{display:block;width:auto}tr:first-child{display:none}
tr{border-bottom:2px solid #d0d7de;padding:.3rem 0}td{border:0;padding:.2rem 0}
.lang{display:block;font-weight:600}.label{display:inline}}
@media print{.links{display:none}}
"""

HOWTO_FR = """<h2>S'abonner</h2>
<p><strong>Abonnez-vous, n'importez pas</strong> : un fichier importé ne se met jamais à jour,
un abonnement suit les changements (réunions déplacées, annulées, ajoutées).</p>
<ul>
<li><strong>Outlook sur le web</strong> (Microsoft 365 ou Outlook.com) : cliquez sur le lien
« Outlook 365 » ou « Outlook.com » du calendrier voulu ; ou Calendrier → Ajouter un calendrier
→ S'abonner à partir du web, puis collez l'adresse https du calendrier.</li>
<li><strong>Outlook pour Windows</strong> : Accueil → Ajouter un calendrier → À partir
d'Internet, puis collez l'adresse. Le nouvel Outlook pour Windows fonctionne comme le web.</li>
<li><strong>Outlook sur téléphone</strong> (iOS, Android) : abonnez-vous depuis Outlook sur le
web avec le même compte ; le calendrier apparaît ensuite sur le téléphone.</li>
<li><strong>Google Agenda</strong> : le lien « Google » ouvre la page « À partir de l'URL »
de Google Agenda (sur ordinateur : Autres agendas → « + » → À partir de l'URL) ; collez-y
l'adresse https du calendrier, affichée sous ses liens (un appui la sélectionne), puis
« Ajouter l'agenda ». L'agenda apparaît aussi sur le téléphone (activez-le dans les paramètres
de l'application).</li>
<li><strong>Calendrier d'Apple, Thunderbird</strong> : le lien « webcal », ou Fichier →
Nouvel abonnement au calendrier (Apple) / Nouvel agenda → Sur le réseau (Thunderbird), puis
collez l'adresse.</li>
</ul>
<p><strong>Dates provisoires</strong> : une date donnée par les règles des textes et pas encore
confirmée par le secrétariat apparaît comme <em>provisoire</em> (« tentative ») ; elle devient
<em>confirmée</em> dès que le secrétariat l'enregistre. Une réunion annulée reste visible,
marquée « ANNULÉ ».</p>
<p><strong>Mises à jour</strong> : chaque calendrier demande à être relu toutes les
{hours} heures ; Outlook et Google décident eux-mêmes (de quelques heures à une journée). Dans
Outlook pour Windows, « Envoyer/Recevoir tous les dossiers » force la relecture. Ne supprimez
pas un abonnement pour le recréer : gardez-le, il se met à jour.</p>"""

HOWTO_EN = """<h2>Subscribing</h2>
<p><strong>Subscribe, do not import</strong>: an imported file never updates, a subscription
follows the changes (meetings moved, cancelled, added).</p>
<ul>
<li><strong>Outlook on the web</strong> (Microsoft 365 or Outlook.com): the calendar's
"Outlook 365" or "Outlook.com" link; or Calendar → Add calendar → Subscribe from web, then
paste the calendar's https address.</li>
<li><strong>Outlook for Windows</strong>: Home → Add Calendar → From Internet, then paste the
address. The new Outlook for Windows works like the web.</li>
<li><strong>Outlook on a phone</strong> (iOS, Android): subscribe in Outlook on the web with
the same account; the calendar then appears on the phone.</li>
<li><strong>Google Calendar</strong>: the "Google" link opens Google Calendar's "From URL"
page (on a computer: Other calendars → "+" → From URL); paste there the calendar's https
address, shown under its links (a tap selects it), then "Add calendar". It also shows on the
phone (turn it on in the app's settings).</li>
<li><strong>Apple Calendar, Thunderbird</strong>: the "webcal" link, or File → New Calendar
Subscription (Apple) / New Calendar → On the Network (Thunderbird), then paste the
address.</li>
</ul>
<p><strong>Tentative dates</strong>: a date the texts' rules give and the secretariat has not
confirmed yet shows as <em>tentative</em>; it becomes <em>confirmed</em> as soon as the
secretariat records it. A cancelled meeting stays visible, marked "CANCELLED".</p>
<p><strong>Updates</strong>: each calendar asks to be read again every {hours} hours; Outlook
and Google decide for themselves (from a few hours to a day). In Outlook for Windows,
"Send/Receive All Folders" forces it. Do not delete and re-create a subscription: keep it, it
updates.</p>"""

LANGUAGE_NAMES = {"fr": "Français", "en": "English"}


def index_html(model: Model, subscriptions: list[Feed], years: list[int],
               span: tuple[int, int], base_url: str | None) -> str:
    """The page listing every subscription feed in every published language."""
    base = (base_url.rstrip("/") + "/") if base_url else None
    cloud = base is not None and public_https(base)
    name = model.settings.calendar_name
    langs = model.settings.languages
    hours = str(model.settings.refresh_hours)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="fr"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="ptfcal">',
        f"<title>{escape(name.fr)} — calendriers / calendars</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{escape(name.fr)} — calendriers des cadres de concertation</h1>",
        f'<p class="en">{escape(name.en)} — calendars of the coordination bodies</p>',
        f"<p>Chaque calendrier couvre {span[0]}–{span[1]} et avance d'une année chaque "
        f'janvier : l\'adresse ne change pas. <span class="en">Each calendar covers '
        f"{span[0]}–{span[1]} and moves on every January: the address stays the same."
        "</span></p>",
    ]
    if base is None:
        parts.append('<p class="note">Liens relatifs : pour des liens d\'abonnement complets, '
                     'générez avec <code>--base-url https://…/</code>. <span class="en">Relative '
                     "links: generate with <code>--base-url https://…/</code> for full "
                     "subscription links.</span></p>")
    elif not cloud:
        parts.append(
            '<p class="note">Cette adresse (<code>' + escape(base) + "</code>) n'est pas une "
            "adresse https publique : Outlook sur le web, Outlook.com et Google Agenda lisent "
            "les calendriers depuis leurs serveurs, sur Internet, et ne peuvent pas l'atteindre "
            "(adresse http non chiffrée, ou réseau privé). Outlook pour Windows, le Calendrier "
            "d'Apple et Thunderbird, sur ce réseau, peuvent s'abonner avec les liens ci-dessous. "
            "Pour tous les autres, publiez le dossier sur un serveur https public et générez "
            'avec <code>--base-url https://…/</code>. <span class="en">This address is not a '
            "public https address: Outlook on the web, Outlook.com and Google Calendar read "
            "calendars from their own servers, on the internet, and cannot reach it (unencrypted "
            "http, or a private network). Outlook for Windows, Apple Calendar and Thunderbird on "
            "this network can subscribe with the links below. For everyone else, publish the "
            "folder on a public https server and generate with <code>--base-url https://…/"
            "</code>.</span></p>")
    parts.append(f'<div class="cols"><div>{HOWTO_FR.replace("{hours}", hours)}</div>'
                 f'<div class="en">{HOWTO_EN.replace("{hours}", hours)}</div></div>')
    head = "".join(f"<th>{LANGUAGE_NAMES[lang]}</th>" for lang in langs)
    for kind, fr, en in GROUPS:
        group = [f for f in subscriptions if f.kind == kind]
        if not group:
            continue
        parts.append(f'<h2>{fr} <span class="en">/ {en}</span></h2>')
        parts.append("<table><tr><th>Calendrier / Calendar</th><th>Événements / Events</th>"
                     f"{head}</tr>")
        for feed in group:
            parts.append(_row(model, feed, base, cloud))
        parts.append("</table>")
    parts.append('<h2>Archives annuelles <span class="en">/ Yearly archives</span></h2><ul>')
    for year in years:
        for lang in langs:
            folder = f"{year}/" + ("" if lang == model.settings.language else f"{lang}/")
            parts.append(
                f'<li>{year} ({LANGUAGE_NAMES[lang]}) : '
                f'<a href="{folder}planner.html">planner.html</a> · '
                f'<a href="{folder}all.ics">all.ics</a> · '
                f'<a href="{folder}events.csv">events.csv</a> · '
                f'<a href="{year}/events.json">events.json</a> · '
                f'<a href="{folder}check.md">check.md</a></li>')
    parts.append("</ul></body></html>\n")
    return "\n".join(parts)


def public_https(base: str) -> bool:
    """Can the cloud calendars (Outlook on the web, Google) reach this address: https, and a
    host on the internet (not localhost, a private or link-local address, or a local name)?"""
    import ipaddress

    parts = urlsplit(base)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not host:
        return False
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return "." in host and not host.endswith((".local", ".lan", ".internal", ".home",
                                                  ".localhost", ".test", ".example",
                                                  ".invalid", ".arpa"))
    return ip.is_global


def _row(model: Model, feed: Feed, base: str | None, cloud: bool) -> str:
    cells = []
    for lang in model.settings.languages:
        folder = "feeds/" + ("" if lang == model.settings.language else f"{lang}/")
        path = folder + feed.path
        feed_name = feed.name.get(lang)
        if base is None:
            links = f'<a href="{escape(path)}">{escape(path)}</a>'
        else:
            url = base + quote(path)
            webcal = "webcal://" + url.split("://", 1)[1]
            links = f'<a href="{escape(url)}">{escape(url.split(":", 1)[0])}</a>'
            links += f'<a href="{escape(webcal)}">webcal</a>'
            if cloud:
                query = urlencode({"url": url, "name": feed_name})
                links += (f'<a href="{OUTLOOK_WORK}?{escape(query)}">Outlook 365</a>'
                          f'<a href="{OUTLOOK_PERSONAL}?{escape(query)}">Outlook.com</a>'
                          f'<a href="{GOOGLE}" title="coller l\'adresse ci-dessous / paste '
                          'the address below">Google</a>')
            links += f"<code>{escape(url)}</code>"
        cells.append(f'<td class="links"><span class="lang">{LANGUAGE_NAMES[lang]}</span>'
                     f"{links}</td>")
    title = (f"{escape(feed.name.fr)}<br><small class=\"en\">"
             f"{escape(feed.description.fr)}</small>")
    count = f'<span class="label">Événements / Events : </span>{len(feed.events)}'
    return f"<tr><td>{title}</td><td>{count}</td>{''.join(cells)}</tr>"
