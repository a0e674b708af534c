"""OUT/index.html: every subscription feed with its links, and how to subscribe in Outlook.

One self-contained page (no script, no external resource), French first with English beside
it. With a base URL (`--base-url` or `feeds.base_url`), each feed gets its https and webcal
links and one-click "add to Outlook on the web" links; without one, links are relative.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote, urlencode

from ..model import Model
from .feeds import Feed

OUTLOOK_WORK = "https://outlook.office.com/calendar/0/addfromweb"
OUTLOOK_PERSONAL = "https://outlook.live.com/calendar/0/addfromweb"

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
.note{background:#fff8c5;border:1px solid #d4a72c;padding:.5rem .8rem;border-radius:4px}
@media (max-width:50rem){.cols{grid-template-columns:1fr}}
@media print{.links{display:none}}
"""

HOWTO_FR = """<h2>S'abonner dans Outlook</h2>
<p><strong>Abonnez-vous, n'importez pas</strong> : un fichier importé ne se met jamais à jour,
un abonnement suit les changements (réunions déplacées, annulées, ajoutées).</p>
<ul>
<li><strong>Outlook sur le web</strong> (Microsoft 365 ou Outlook.com) : cliquez sur le lien
« Outlook » du calendrier voulu ; ou Calendrier → Ajouter un calendrier → S'abonner à partir du
web, puis collez l'adresse https du calendrier.</li>
<li><strong>Outlook pour Windows</strong> : Accueil → Ajouter un calendrier → À partir
d'Internet, puis collez l'adresse. Le nouvel Outlook pour Windows fonctionne comme le web.</li>
<li><strong>Outlook sur téléphone</strong> (iOS, Android) : abonnez-vous depuis Outlook sur le
web avec le même compte ; le calendrier apparaît ensuite sur le téléphone.</li>
<li>Les liens <code>webcal://</code> ouvrent l'application de calendrier de l'ordinateur
(Outlook, Calendrier d'Apple).</li>
</ul>
<p><strong>Mises à jour</strong> : Outlook relit les calendriers abonnés de lui-même, toutes les
quelques heures ; un changement peut mettre jusqu'à une journée à apparaître. Dans Outlook pour
Windows, « Envoyer/Recevoir tous les dossiers » force la relecture. Ne supprimez pas un
abonnement pour le recréer : gardez-le, il se met à jour.</p>"""

HOWTO_EN = """<h2>Subscribing in Outlook</h2>
<p><strong>Subscribe, do not import</strong>: an imported file never updates, a subscription
follows the changes (meetings moved, cancelled, added).</p>
<ul>
<li><strong>Outlook on the web</strong> (Microsoft 365 or Outlook.com): click the calendar's
"Outlook" link; or Calendar → Add calendar → Subscribe from web, then paste the calendar's
https address.</li>
<li><strong>Outlook for Windows</strong>: Home → Add Calendar → From Internet, then paste the
address. The new Outlook for Windows works like the web.</li>
<li><strong>Outlook on a phone</strong> (iOS, Android): subscribe in Outlook on the web with
the same account; the calendar then appears on the phone.</li>
<li><code>webcal://</code> links open the computer's calendar application (Outlook, Apple
Calendar).</li>
</ul>
<p><strong>Updates</strong>: Outlook reads subscribed calendars again by itself every few hours;
a change can take up to a day to show. In Outlook for Windows, "Send/Receive All Folders" forces
it. Do not delete and re-create a subscription: keep it, it updates.</p>"""


def index_html(model: Model, subscriptions: list[Feed], years: list[int],
               span: tuple[int, int], base_url: str | None) -> str:
    base = (base_url.rstrip("/") + "/") if base_url else None
    name = model.settings.calendar_name
    parts = [
        "<!DOCTYPE html>",
        '<html lang="fr"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
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
    parts.append(f'<div class="cols"><div>{HOWTO_FR}</div><div class="en">{HOWTO_EN}</div>'
                 "</div>")
    for kind, fr, en in GROUPS:
        group = [f for f in subscriptions if f.kind == kind]
        if not group:
            continue
        parts.append(f'<h2>{fr} <span class="en">/ {en}</span></h2>')
        parts.append("<table><tr><th>Calendrier / Calendar</th><th>Événements / Events</th>"
                     "<th>S'abonner / Subscribe</th></tr>")
        for feed in group:
            parts.append(_row(feed, base))
        parts.append("</table>")
    parts.append('<h2>Archives annuelles <span class="en">/ Yearly archives</span></h2><ul>')
    for year in years:
        parts.append(
            f'<li>{year} : <a href="{year}/planner.html">planner.html</a> · '
            f'<a href="{year}/all.ics">all.ics</a> · '
            f'<a href="{year}/events.csv">events.csv</a> · '
            f'<a href="{year}/events.json">events.json</a> · '
            f'<a href="{year}/check.md">check.md</a></li>')
    parts.append("</ul></body></html>\n")
    return "\n".join(parts)


def _row(feed: Feed, base: str | None) -> str:
    path = f"feeds/{feed.path}"
    title = (f"{escape(feed.name.fr)}<br><small class=\"en\">"
             f"{escape(feed.description.fr)}</small>")
    if base is None:
        links = f'<a href="{escape(path)}">{escape(feed.path)}</a>'
    else:
        https = base + quote(path)
        webcal = "webcal://" + https.split("://", 1)[1]
        query = urlencode({"url": https, "name": feed.name.fr})
        links = (f'<a href="{escape(https)}">https</a>'
                 f'<a href="{escape(webcal)}">webcal</a>'
                 f'<a href="{OUTLOOK_WORK}?{escape(query)}">Outlook (Microsoft 365)</a>'
                 f'<a href="{OUTLOOK_PERSONAL}?{escape(query)}">Outlook.com</a>'
                 f"<br><code>{escape(https)}</code>")
    return (f"<tr><td>{title}</td><td>{len(feed.events)}</td>"
            f'<td class="links">{links}</td></tr>')
