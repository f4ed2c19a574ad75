"""Boilerplate detection: page clutter that is not article text.

Three kinds of evidence, none of them tied to one site's wording:

* strong cues — a paragraph that is a comment form, a "Read the full article"
  or "Source link" line, a related-links heading, a credit or byline, a bare
  URL or a bulleted link list (lexicons in several common languages);
* appeals — donation/subscription pleas, recognised by two appeal cues, or one
  cue spoken to the reader ("you", "your", "us", "our", "we");
* neighbours — a paragraph wedged between two boilerplate paragraphs, and a
  very short UI word ("Continue", "Remind me later.") next to one, is part of
  the same block.
"""

from __future__ import annotations

import re

from reportdiff.engine.text import (
    STOPWORDS,
    fold_apostrophes,
    heading_words,
    locative_heading,
    prose_names,
    section_heading,
    words,
)

_STRONG = [
    # links to elsewhere
    r"^source link$",
    r"^(read|see|view) (the )?(full|original|complete|whole) (article|story|report|text)",
    r"^(read more|continue reading|read the rest|more on this story|see also|more from)\b",
    r"^(lire aussi|à lire aussi|lesen sie auch|mehr zum thema|lee también|leggi anche)\b",
    r"^related( (sources|articles|stories|links|content|coverage|posts|reading|topics))?\s*:?$",
    # "Related: <title>", "READ: <title>", "Read Next: <title>": a link to another story
    r"^(live|latest|live updates)\s*:\s*(follow|read|watch|see|get)\b",
    r"^(related|read|read next|read also|also read|see also|watch|listen)\s*:\s*\S+"
    r"(\s+\S+){0,19}(?<!\.)$",
    r"^listen to this (article|story)\b",
    r"^(sources?|quelle|fuente|fonte)\s*:\s*(https?://|www\.)",
    # a heading of the list of sources or links under an article (Wikinews' "Sources")
    r"^(sources|references|external links|references (&|and) resources|further reading)\s*:?$",
    # the same heading in a wiki's markup ("== Sources =="), and a list item that is a link
    r"^=+\s*[^=]{1,40}?\s*=+$",
    r"^[*•]\s*(https?://|www\.)\S+(\s*\.)?$",
    # a page's licence: "Wikinews content appears under the Creative Commons Attribution
    # 2.5 license except where ...", "Originally posted by Wikinews."
    r"\bcontent (appears|is (available|published|licensed)) under (the |a )?(creative commons"
    r"|cc[ -]by)\b",
    r"^originally (posted|published) (by|on|in) [^.!?,\d]{1,60}\.?$",
    r"^(https?://|www\.)\S+$",
    # comment forms
    r"^(leave|post|write|add|submit) (a|your) (comment|reply|response)",
    r"^(\d+ )?comments?\s*:?$",
    r"(your )?email address will not be published",
    r"required fields are marked",
    r"^schreibe? einen kommentar",
    r"e-mail-adresse wird nicht veröffentlicht",
    r"erforderliche felder sind",
    r"^(laisser|laissez) un commentaire",
    r"adresse (e-mail|de messagerie) ne sera pas publiée",
    r"^(deja|dejar) (un|tu) comentario",
    r"correo electrónico no será publicad[ao]",
    r"^lascia un commento",
    r"indirizzo email non sarà pubblicato",
    r"^deixe (um|o seu|seu) comentário",
    r"e-mail não será publicado",
    r"^оставьте комментарий",
    r"\b(e-?mail|e-?post\w*|correo|courriel)\b.*(\s\*\s|\s\*$)",
    # "save my name, e-mail and website in this browser", in any language
    r"\b(e-?mail|e-?post|correo|courriel)\w*\b.{0,40}\b(web|website|webbplats|sitio|site|honlap"
    r"|webstek|strona|sito)\w*\b.{0,40}\b(browser|webbläsare|navegador|navigateur|böngésző"
    r"|tarayıcı|prohlížeč|przeglądar\w*|nettleser|selain)\w*\b",
    r"^γράψτε (ένα|το) σχόλιο",
    r"email σας δεν θα δημοσιευτεί",
    r"υποχρεωτικά πεδία",
    r"^δημοσίευση σχολίου\W*$",
    r"^join the (conversation|discussion)(\W*$|[.!:] )",
    r"^(join the (conversation|discussion)\W+)?comments are (reviewed|moderated|checked)\b",
    # a form's field label: "Name *", "Email *", "Σχόλιο *"
    r"^(your )?(name|e-?mail|website|comment|message|όνομα|σχόλιο|ιστότοπος|nume|comentariu"
    r"|nom|nombre|nome|kommentar|naam|reactie|imię|komentarz|commento|commentaire|comentario)"
    r" ?\*$",
    r"adresa (ta )?de e-?mail nu va fi publicată",
    r"câmpurile obligatorii sunt marcate",
    r"^(lasă|scrie) un comentariu",
    r"^(trimite|publică) comentariul\W*$",
    r"e-?mailadres wordt niet gepubliceerd",
    r"vereiste velden zijn gemarkeerd",
    r"adres e-?mail nie zostanie opublikowany",
    r"wymagane pola są oznaczone",
    r"^(post|submit|send) (a )?comment\W*$",
    r"^(log in|sign in|register|subscribe)\b.{0,30}\b(to )?"
    r"(comment|join the (discussion|conversation))",
    # the "remember me" line under a comment form
    r"^save my name,? (and )?e-?mail",
    r"^enregistrer mon nom,? mon e-?mail",
    r"^meinen namen,? (meine )?e-mail",
    r"^guardar mi nombre,? (mi )?correo",
    r"^salva il mio nome,? (l')?email",
    r"адрес email не будет опубликован",
    # credits, rights, page furniture
    r"\bcontributed (reporting|research|to (this|the) (reports?|article|story|reporting))\b",
    r"^(our|editorial) (standards|guidelines|principles)\s*:",
    r"^((associated|related) )?(photo|image|video|graphic|audio|gallery)s?( credit)?\s*(:|by\b)",
    # a caption ending with its credit: "A man cools off ... Photograph: R. Q./The Courier"
    r"\b(photograph|photo|picture|image)\s*:\s*[^.!?]{1,80}$",
    r"^see all (updates|posts|entries)\W*$",
    # "› View video of the hatch opening", "» Read more about the launch"
    r"^[›»]\s*(read|view|watch|see|listen|learn|explore)\b",
    r"^wikipedia has (more|an article) (about|on) this( subject)?\s*:?$",
    # "Some material for this report came from AP and Reuters."
    r"^(some )?(material|information|reporting)( for| in)? this (report|story|article)\b"
    r"[^.!?]{0,40}\b(from|by)\b[^.!?]{0,80}\.?$",
    r"^sources?\s*:\s*[^.!?]{1,80}$",  # "Source: Official website of the President"
    r"^(#{3,}|-30-)$",  # "###", "-30-": the end of a press release
    r"^(\*\s*){3,}$|^[-–—_=~•·]{3,}$",  # "* * *", "———": a break between sections
    # a bracketed placeholder standing alone, a few words and no sentence: "[Photo]",
    # "[embedded content]" (not "[Updated 3 p.m.: The toll has risen to 45.]")
    r"^\[[a-z' -]{1,40}\]$",
    # a page's notice about itself, from its first word: "There are no reviewed
    # versions of this page ...", "This page is archived, and is no longer publicly
    # editable.", "This audio file was created from the text revision dated ..."
    r"^there are no reviewed versions of this page\b",
    r"^this page (is|was|has been)\b[^.!?]{0,40}\b(archived|editable|reviewed)\b",
    r"^this (article|story) (was|has been) (last )?(updated|archived)\b[^.!?]{0,40}[.!?]?$",
    r"^this (audio file|recording) was created from\b",
    r"^(please )?note that\b[^.!?]{0,30}\b(archival|archiving) policy\b",
    r"^(please )?note that some (listed )?(sources|external links|links)\b[^.!?]{0,40}"
    r"\bmay no longer be available\b",
    r"^articles presented on [^.!?]{1,40}\breflect the (specific )?time at which they were\b",
    # a live page's label standing alone: "Update", "Breaking news"
    r"^(update|updated|updates|breaking|breaking news|developing|developing story)\W*$",
    # a press release's number: "RELEASE: 07-231", "Press release No. 45/2024"
    r"^(news |press |media )?release\s*(no\.?|number|#)?\s*:?\s*[\w./-]{0,12}\d[\w./-]{0,12}$",
    # who sent it on: "Submitted by Arthur N1ORC - AMSAT A/C #31468" (a list's post)
    r"^(submitted|posted|contributed|forwarded) by\b[^.!?]{0,80}$",
    r"^(photograph|picture)s?( credit)?\s*:",
    r"all rights reserved",
    r"^(©|copyright\b|\(c\) \d{4})",
    r"^(sign up|subscribe) (for|to) (our|the|a)\b",
    r"^(sign up|subscribe) (for|to)\b[^.!?]{0,120}$",
    # a short call to follow a link: "Follow our climate coverage: https://..."
    r"^[^.!?]{0,80}:\s*(https?://|www\.)\S+$",
    r"^(sign me up|sign up|subscribe|register|log in|sign in)( now| here| today)?\W*$",
    r"^follow [^.!?]{1,40} on (google news|twitter|x|facebook|instagram|telegram|whatsapp|linkedin"
    r"|youtube|tiktok|threads|bluesky|mastodon)\W*$",
    r"^(tags|topics|filed under|categories)\s*:\s*[^.!?:]{1,100}$",  # a list, no sentence
    r"^get (the|our) [\w\s'-]{0,40}newsletter\W*$",
    r"\bby (signing up|subscribing|registering|clicking|providing|entering|submitting)\b.*"
    r"\b(agree|accept|consent)",
    r"\bi (agree|accept|consent)\b.*\b(terms of (use|service)|privacy (policy|notice))\b",
    r"\b(terms of (use|service)|privacy (policy|notice))\b.*\b(agree|accept|apply)\b",
    r"\byou('ve| have) (read|used) \d+ of your \d+ (free )?(articles|stories)",
    r"\b(free articles?|articles? remaining) (this|per) (month|week)\b",
    r"^(follow us|share (this|on)|click here|advertisement$|sponsored( content)?$)",
    r"\b(we|this site|this website|our site|our website|we and our partners)\b[^.]{0,30}"
    r"\buses?\b[^.]{0,20}\bcookies\b",
    r"\b(wir verwenden|nous utilisons des|utilizamos|utilizziamo i?|usamos) cookies?\b",
    r"^dear (readers?|friends|subscribers?)\b",
    # a government site's banner: "An official website of the United States government",
    # "A .gov website belongs to an official government organization ...", "A lock () or
    # https:// means you've safely connected to the .gov website."
    r"^an official website of the\b[^.!?]{1,60}\bgovernment\W*$",
    r"\ba \.gov website belongs to an official government organi[sz]ation\b",
    r"\bmeans you['’]ve safely connected to the \.gov website\b",
    r"^(https|here['’]s how you know)\W*$",
    # a page's notes about itself: "This webpage is being phased out and is no longer
    # maintained.", "This event has been reviewed by a seismologist.", a wiki's missing
    # picture "(Image missing from Commons: image; log)", a quote's template pictures
    r"^\W*this (web ?)?page is being phased out\b",
    r"^\W*this event has been reviewed\b[^.!?]{0,40}\.?$",
    r"^\(image missing from commons\b",
    r"\bcquote[12]\.svg\b",
    # a pointer elsewhere: "For additional information, visit the ... section."
    r"^for (more|additional|further) information,? (visit|see|go to|click|consult)\b[^!?]{0,120}$",
    # a breadcrumb: "News / Europe", "Home > World > Asia"
    r"^[a-z][\w ]{0,20}( (/|>|›|») [a-z][\w ]{0,20}){1,4}$",
    # a picture's link label after its caption: "... > Larger image"
    r"[>›»]\s*larger (image|version|view|picture)\W*$",
    # a plea in a line of its own: "Support Global Voices", "Donate now »"
    r"^(support|donate to|give to) (?!(for|of|to|the|from|in|among)\b)[a-z][a-z'’.&-]*"
    r"( [a-z][a-z'’.&-]*){0,3}\W*$",
    r"^donate( now| today| here)?\W*$",
    # a series' notice: "This post is part of our special coverage Forest Focus: Amazon."
    r"^this (post|article|story|report|piece) is (a )?part of (our|a|the)\b[^.!?]{0,80}"
    r"\b(coverage|series)\b[^.!?]{0,80}\.?$",
    # a page's notice to its readers: "Persons using assistive technology might not be able
    # to fully access information in this file.", "An erratum has been published for this
    # article. To view the erratum, please click here."
    r"\busing assistive technology (might|may) not be able\b",
    r"\b(an? )?(erratum|correction) (has been|was) (published|issued|appended) (for|to) this\b",
    r"^(remind me later|maybe later|not now|no,? thanks|close|skip|dismiss)\W*$",
    # a picture's credit ending its caption: "... Image by Kunda Dixit. Used with
    # permission", "... Image by S. Shrestha. Copyright Demotix (25/4/2015)"
    # (or after a dash: "Bom Jardim – Photo by @bdugin at twitpic")
    r"(^|[.!?)]\s+|\s[-–—]\s)(image|photo|picture|video) (by|courtesy( of)?|credit)\b[^!?]{1,80}$",
    # an agency's credit for its picture: "NASA image courtesy Jeff Schmaltz, LANCE MODIS
    # Rapid Response. Caption by Michon Scott.", "NASA image created by Jesse Allen, using data
    # provided courtesy of ..."
    r"^(?!(the|a|an|this|that|these|his|her|their|its|one|our|my) )([\w/.&-]+ ){1,3}"
    r"(image|photo|photograph|picture|map)s? (created by|courtesy|by)\b"
    r"(?![^!?]*\b(shows?|showed|shown|reveals?|revealed|said|says|were|was|is|are)\b)"
    r"[^!?]{1,300}$",
    r"^screen ?shot \d{4}-\d{2}-\d{2}\b",  # a screenshot's file name as its caption
    # a picture's caption that says what it is: "Screenshot of the submerged town of
    # Tulun, ... from John Tark's YouTube video", "Photo of the ... tornado was provided
    # courtesy of Gabe Garfield." (not "Still from the capital came reports ...", nor
    # "Photos of the victims provided by their families were displayed ...")
    r"^(screen ?shot|screen ?grab|video still|frame grab) (of|from)\b[^.!?]{1,200}$",
    r"^(photo|photograph|image|picture)s? of\b[^.!?]{1,200}\b(courtesy of|credit:?)"
    r" [^.!?]{1,60}\.?$",
    # where a picture comes from, in a line of its own: "The photo is from http://...",
    # "Photos are courtesy of the Red Cross." (not "The video was from a traffic camera
    # and showed ...")
    r"^(the )?(photo|photograph|image|picture|video)s? (is|are|was|were) (from|by)"
    r" (https?://|www\.)\S+$",
    # "Photo from blog of Francesca in France" (not "Video from the scene shows ... .")
    r"^(photo|photograph|image|picture|video)s? (from|via|courtesy of)\b[^.!?]{1,80}$",
    # a caption that speaks of the picture: "This video summarizes the deadly impact of ..."
    # a map's caption and its legend: "Map highlighting epicenter of the earthquake.",
    # "The marker shows the epicenter of the earthquake."
    r"^(a )?(locator )?(map|satellite image|graphic|chart)s? (showing|highlighting|locating"
    r"|marking)\b(?![^.!?]*\b(was|were|is|are|has|have|had|will|said|says)\b)"
    r"[^.!?]{1,120}\.?$",
    r"^the (marker|red dot|dot|star|pin|red star) (shows|marks|indicates)\b[^.!?]{1,120}\.?$",
    r"^this ([\w-]+ ){0,2}(video|photo|photograph|image|picture|map|graphic|chart)"
    r" (shows|summarizes|summarises|depicts|was taken)\b[^!?]{0,200}$",
    r"^(the )?(photo|photograph|image|picture|video)s? (is|are|was|were) courtesy of"
    r" [^.!?]{1,60}\.?$",
    # an agency's caption: "People walk past rubble ..., in this February 22, 2011
    # image taken from video footage.", "..., in this undated handout photo." (not "...,
    # in this still unfolding crisis, and ...": the picture's noun ends the caption or
    # is followed by how it was made)
    r"^[^.!?]{8,300}, in this ([a-z]+\.? \d{1,2}, (19|20)\d\d |undated |handout |file |aerial"
    r" |satellite )*(photo|photograph|image|picture|handout photo|video grab|video still)"
    r"( (taken|released|provided|made|obtained|distributed|shot)\b[^.!?]{0,80})?\.?$",
    r"^watch (the )?(related )?video( report)?\b",  # "Watch related video report from VOA's …"
    # an outlet telling who it is: "The … provides news and information in more than 40
    # languages to an estimated weekly audience of …", "Stories with the … byline are …"
    r"\b(provides|delivers|brings|offers)\b[^.!?]{0,80}\bnews\b[^.!?]{0,160}"
    r"\b(weekly|daily|monthly|estimated|global|worldwide) audiences?\b",
    r"^stories with the [^.!?]{1,40} byline\b",
    # a credit that speaks of the story itself: "VOANews.com reported this story from
    # Washington. … adapted it for Learning English."
    r"\b(reported|wrote|adapted|edited) this (story|report|article)\b",
]
_STRONG_RE = re.compile("|".join(f"(?:{p})" for p in _STRONG))

_APPEAL = [
    r"\bsupport (us|our|independent|today|the work)",
    r"\byour (support|donation|contribution|subscription|help)\b",
    r"\bdonat(e|ion|ing)",
    r"\bsubscri(be|ption)",
    r"\b(become|becoming) a (member|subscriber|supporter|patron)",
    r"\bindependent (journalism|media|reporting|press)\b",
    r"\bwe need (your|you)\b",
    r"\bthank you for (reading|standing|your|supporting)",
    r"\b(make|makes) a (world of )?difference\b",
    r"\bno matter how small\b",
    r"\b(readers|supporters|friends) like you\b",
    r"\bneeds? the (help|support) of (friends|readers|supporters|people like you)\b",
    r"\b(monthly|per month|a month|one-time|recurring)\b",
    r"\b(remind me later|maybe later|not ready to|not now)\b",
    r"\b(paypal|patreon|tax-deductible|paywall)\b",
    r"^a message from\b",
    r"\bnewsletters?\b",
    r"\b(to|in) your inbox\b",
    r"\b(unterstützen sie|spende|jetzt abonnieren|soutenez|faire un don)",
    r"\b(apoya|suscríbete|donar|sostieni|abbonati)",
]
_APPEAL_RE = [re.compile(p) for p in _APPEAL]
_READER = frozenset({"you", "your", "us", "our", "we", "ihr", "sie", "vous", "nous"})
# A heading that introduces a list of links to other stories.
_LINKS_HEADING_RE = re.compile(
    r"^(related|more on this( story)?|see also|read more|more from [\w\s]{1,30}|"
    r"most (read|popular)|recommended|lire aussi|mehr zum thema|lee también)\b[^.!?]{0,30}:?$"
)
_LINK_ITEM_WORDS = 14
_LINK_LIST_RE = re.compile(r"[•·▪►|]")
_SHORT_UI_WORDS = 5
_HEADING_WORDS = 10
_NEIGHBOUR_REACH = 2
_FILL_WORDS = 16  # longer paragraphs between boilerplate are article text


def flag_boilerplate(paragraphs: list[str]) -> list[bool]:
    """For each paragraph text, whether it is boilerplate rather than article text."""
    cues = [_cue(text) for text in paragraphs]
    flags = [c is not None for c in cues]
    for i in range(len(paragraphs)):
        flags[i] = flags[i] or _live_heading(paragraphs, i)
    _absorb_link_items(paragraphs, flags)
    _absorb_video_titles(paragraphs, flags)
    _pull_quotes(paragraphs, flags)
    for i in range(max(0, len(paragraphs) - _SIGN_OFF_REACH), len(paragraphs)):
        flags[i] = flags[i] or _SIGN_OFF_RE.fullmatch(paragraphs[i].strip()) is not None
    cued = list(flags)  # what is boilerplate by itself, not by its neighbours
    changed = True
    while changed:
        changed = _fill_between(
            paragraphs, flags, cued, _top_end(paragraphs, cued)
        ) | _absorb_short(paragraphs, flags)
    # Section titles last: they draw no text around them along (a news report's
    # subheadings stand between sentences that must stay text).
    _section_titles(paragraphs, flags)
    return flags


# People's names as written: capitalised words and the particles between them.
_NAME_WORD = r"[A-Z][\w'’.-]*"
_PARTICLES = "de|da|di|van|von|der|del|la|le|al|bin|ibn"
_NAMES = rf"{_NAME_WORD}(?: (?:{_NAME_WORD}|and|{_PARTICLES}))*"
# "By Joana Reis in Lisbon · Thursday 12 June 2025": a name, a place, a date.
_DATED_BYLINE_RE = re.compile(
    rf"^By {_NAMES}"
    r"(?:,? (?:in|from) [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)?\s*[·|•—–-]\s*(?P<date>[^·|•]{1,40})$"
)
# "(Reporting by Ana Teixeira in Lisbon; Editing by Sarah Whitfield)": credits
# naming people, not "Research by Oxford University found that ...".
_CREDIT_RE = re.compile(
    r"^\(?(?:Additional )?(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Rr]esearch) by "
    rf"{_NAMES}(?: in [A-Z][\w'’-]*)*(?:\s*[;,]\s*.*)?\)?\.?$"
)


# "-- Reporting by Nathan Pell in London and ...; editing by ...", "Associated reporting by
# Continental Press staff in Antwerp": a credit, whatever follows the first name.
_CREDIT_START_RE = re.compile(
    r"^(?:-{1,2}|—|–)?\s*\(?(?:(?:[Aa]dditional|[Aa]ssociated|[Ff]urther) [Rr]eporting"
    r"|[Rr]eporting|[Ee]diting|[Ww]riting) by (?=[A-Z])"
)
# What a credit line holds after "by": names, places, desks, more credits; no verb.
_CREDIT_WORD_RE = re.compile(
    r"[A-Z][\w'’.-]*|and|in|of|the|de|van|von|da|staff|desk|team|correspondents?|reporters?"
    r"|editing|writing|reporting|by|additional|[;,.()]"
)


def _reporting_credit(text: str) -> bool:
    """ "-- Reporting by Nathan Pell in London; editing by Colm Hardy", "Associated reporting
    by Continental Press staff in Antwerp": not "Reporting by ProPublica in 2019 showed ..."."""
    start = _CREDIT_START_RE.match(text)
    if start is None:
        return False
    rest = re.findall(r"[\w'’.-]+|[;,.()]", text[start.end() :])
    return all(_CREDIT_WORD_RE.fullmatch(word) for word in rest)


def _is_credit(text: str) -> bool:
    """A credit line or a byline with a date, judged on the written capitals."""
    text = text.strip()
    if _CREDIT_RE.match(text) or _reporting_credit(text):
        return True
    parts = [p.strip() for p in _STAMP_SEPARATOR.split(text)]
    if len(parts) > 1 and all(_OUTLET_RE.fullmatch(p) for p in parts):
        # "Newsroom | The Aegean Observer": a desk and an outlet, nothing said
        return any(not _CREDIT_WORDS.isdisjoint(p.lower().split()) for p in parts)
    match = _DATED_BYLINE_RE.match(text)
    return match is not None and _is_stamp_part(fold_apostrophes(match["date"]).lower())


# A byline, judged on its capitals: "By Jonah Reyes-Whitfield and Priya Lendl", "By Ann Lee,
# Transatlantic News Service", "By A and B | The Outlet"; not "Von der Leyen re-elected".
_NAME_RUN = rf"{_NAME_WORD}(?: (?:{_NAME_WORD}|{_PARTICLES})){{0,4}}"
_BYLINE_RE = re.compile(
    rf"^(?:By|BY|Von|Par|Por|Di|by) {_NAME_RUN}(?:,? and {_NAME_RUN})*"
    rf"(?:,? (?:in|from|en|aus|à|a) {_NAME_WORD}(?: [\w'’.-]+){{0,3}}|, {_NAME_RUN})?"
    r"(?: [|·•] [^|·•]{1,40})?\.?$"
)


def _live_heading(texts: list[str], i: int) -> bool:
    """ "LIVE UPDATES: Heat wave in southern Europe" over a live blog's entries."""
    return _LIVE_HEADING_RE.match(texts[i].strip()) is not None and any(
        _LIVE_ENTRY_RE.match(fold_apostrophes(t).lower().strip()) for t in texts[i + 1 : i + 3]
    )


def names_outlet(text: str, outlet: str | None) -> bool:
    """Whether a short paragraph is only the outlet's name, as a byline ("VOA News"
    under a report from "Voice of America (VOA News)")."""
    if not outlet:
        return False
    key = " ".join(fold_apostrophes(text).lower().strip(" .·|-—–").split())
    key = key.removeprefix("by ")
    name = " ".join(fold_apostrophes(outlet).lower().split())
    if not key or len(key.split()) > _OUTLET_WORDS:
        return False
    if f" {key} " in f" {name} ":
        return True  # its words, whole: "Centers for Disease Control and Prevention"
    if len(key.split()) > _SHORT_UI_WORDS:
        return False
    if key in name:
        return True
    # "VOA News" under "Voice of America": the outlet's initials, and a word
    # that says it is a newsroom.
    words = key.split()
    if len(words) > 1 and words[-1] in _NEWSROOM_WORDS:
        words.pop()
    parts = name.split()
    initials = (
        "".join(w[0] for w in parts),  # "Voice of America": VOA
        "".join(w[0] for w in parts if w not in _NAME_JOINERS),  # "The Associated Press": AP
    )
    return len(words) == 1 and len(words[0]) > 1 and words[0] in initials


_OUTLET_WORDS = 8  # an outlet's name as a banner: "Centers for Disease Control and Prevention"
# Words that follow an outlet's initials in a byline ("VOA News", "BBC Staff").
_NEWSROOM_WORDS = frozenset({"news", "staff", "reporters", "newsroom", "wire"})
# Small words an outlet's initials may leave out.
_NAME_JOINERS = frozenset({"of", "the", "and", "for", "&"})


def is_clutter(text: str) -> bool:
    """Whether `text` is boilerplate on its own, whatever stands around it."""
    return _cue(text) is not None


_CONSENT_BUTTON_RE = re.compile(
    r"^(accept|reject|allow|agree|decline|deny|manage|customi[sz]e|settings|options|preferences"
    r"|ok|okay|got it|close|i agree|alle akzeptieren|accepter|aceptar|accetta)\b[\w\s&-]{0,30}$",
    re.IGNORECASE,
)
_COOKIE_RE = re.compile(r"\bcookies?\b", re.IGNORECASE)


def leading_clutter(texts: list[str]) -> int:
    """How many lines at the top are page furniture: clutter lines ("We use cookies
    ...", a time stamp, a byline) and the buttons under a consent notice ("Accept all")."""
    k, consent = 0, False
    while k < len(texts):
        text = texts[k].strip()
        if is_clutter(text) or _live_heading(texts, k):
            consent = consent or bool(_COOKIE_RE.search(text))
        elif not (consent and _CONSENT_BUTTON_RE.match(text)):
            break
        k += 1
    return k


_CUE_MAX_CHARS = 3000
# A reposted story's origin on a line of its own: "From the Voice of America",
# "From Wikinews, the free news source you can write!" (a name, not "From Monday").
_ORIGIN_RE = re.compile(
    r"From (?:the )?(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|January|February|March"
    r"|April|May|June|July|August|September|October|November|December)[A-Z][\w'’&.-]*"
    r"(?: (?:of |the |and )?[A-Z][\w'’&.-]*){0,4}"
    # "…, the free news source you can write!": a tagline, no verb of a report's own
    r"(?:, the (?![^.!?:]*\b(?:was|were|is|are|would|will|said|says|had|has|have)\b)"
    r"[^.!?:]{1,60})?[.!]?"
)


# A dateline on its own line: the day, then where ("July 25, 2019, The Kremlin, Moscow",
# "25 July 2019, Moscow"): names only, no verb.
_DATELINE_RE = re.compile(
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December) \d{1,2},? \d{4}|\d{1,2} (?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December),? \d{4})"
    r"(?:,\s*(?:The )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}){1,3}\.?"
)


# A picture's caption that names who it shows, alone on its line: "John Atta Mills."
_NAME_CAPTION_RE = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,3}\.")


def _is_name_caption(text: str) -> bool:
    """ "John Atta Mills.", not "I'm Not Going Anywhere." (a name has no function word)."""
    if not _NAME_CAPTION_RE.fullmatch(text):
        return False
    return not any(w in STOPWORDS or "'" in w for w in fold_apostrophes(text).lower().split())


# A broadcast's sign-off, a name on its own line at the end: "I'm Mario Ritter."
# (not "I'm fine.").
_SIGN_OFF_RE = re.compile(r"I['’]m (?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){1,3}\.?")
_SIGN_OFF_REACH = 4  # paragraphs from the end
# A cited source, as a wiki lists them, as a list item or not: 'Ann Lee, Bo Chen.
# "Quake kills 12" — Reuters, February 6, 2016' (names, a quoted title, an outlet
# that may abbreviate, "Bloomberg L.P.", and a date; no sentence).
_NAME = r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|and|de|van|von|da))*"
_CITATION_RE = re.compile(
    rf"(?:[-•*–—] )?(?:{_NAME}(?:, {_NAME})*[.,] )?[\"“][^\"”]{{3,200}}[\"”][.,]? [-—–]"
    r" (?:[^.!?]|\.(?=[A-Z,])){2,80}, [A-Z][a-z]+\.? \d{1,2}, \d{4}\.?"
)


# A catalogue's label with no value, in title case: "Retrieved From:", "Media Type:",
# "Summary:" (not "A reader inquired:", which leads into what is quoted).
_LABEL_LINE_RE = re.compile(r"[A-Z][a-z]*(?: [A-Z][a-z]*){0,2}:")
# A pull quote's speaker under it, after a dash: "—Kerry Sachetta, principal of Joplin
# High School" (an em or en dash and a name, no sentence).
_SPEAKER_LINE_RE = re.compile(r"[—–―]\s?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:, [^.!?]{0,80})?")


def _cue(text: str) -> str | None:
    """Which kind of boilerplate `text` is on its own, if any.

    Page furniture is short: a paragraph longer than `_CUE_MAX_CHARS` is read
    as text (and the cues' searches stay cheap on a huge one).
    """
    if len(text) > _CUE_MAX_CHARS:
        return None
    key = " ".join(fold_apostrophes(text).lower().split())  # "Belarus,  April 11": one space
    if (
        _STRONG_RE.search(key)
        or _is_contact(key)
        or _stamp_parts(text) is not None
        or _is_credit(text)
        or _BYLINE_RE.match(text.strip())
        or _LIVE_ENTRY_RE.match(key)
        or _is_caption(key, text.strip())
        or _ORIGIN_RE.fullmatch(text.strip())
        or _DATELINE_RE.fullmatch(text.strip())
        or _is_name_caption(text.strip())
        or _CITATION_RE.fullmatch(text.strip())
        or _SPEAKER_LINE_RE.fullmatch(text.strip())
        or _LABEL_LINE_RE.fullmatch(text.strip())
    ):
        return "strong"
    if _is_link_list(text):
        return "links"
    hits = sum(1 for rx in _APPEAL_RE if rx.search(key))
    if hits >= 2 or (hits == 1 and _READER.intersection(words(key))):
        return "appeal"
    return None


def _is_contact(key: str) -> bool:
    """A press contact: a short line, no sentence, with an e-mail address or a telephone
    number ("June Malone Headquarters, Washington 202-358-1071 june.e.malone@nasa.gov")."""
    if len(key.split()) > _CONTACT_WORDS or key.endswith((".", "!", "?")):
        return False  # a sentence ("The hackers demanded payment to x@y.me, police said.")
    return _EMAIL_RE.search(key) is not None or _PHONE_RE.search(key) is not None


_CONTACT_WORDS = 16
_EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b")
# "202-358-1071", "(202) 358-1071", "+1 321 867 2468": a number to dial, in its groups
_PHONE_RE = re.compile(
    r"(?<![\w.,-])(\+\d{1,3}[ .-]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?![\w.,-]*\d)"
)


# "St. Michael Parish church", "Mt. Everest", "Gov. Ana Lee": abbreviations inside a caption.
_ABBREVIATED = "|".join(
    rf"(?<=\b{a})\."
    for a in ("st", "mt", "ft", "dr", "mr", "mrs", "ms", "jr", "sr", "gov", "gen", "sen", "rep")
)
_CAPTION_MONTH = r"(?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.?"
# "Aug. 29, 2011", or "13 Jan 2011" as VOA's captions write it
_CAPTION_MONTH_DAY = rf"{_CAPTION_MONTH} \d{{1,2}}, (?:19|20)\d\d"
_CAPTION_DAY = rf"(?:{_CAPTION_MONTH_DAY}|\d{{1,2}} {_CAPTION_MONTH} (?:19|20)\d\d)"
# A photo caption, as agencies write them: what the picture shows, then where and
# when it was taken, set off by commas ("Rescue workers recover a body from the
# rubble in Manta, Ecuador, April 19, 2016." / "Buildings are flooded in the
# aftermath of Hurricane Laura, Aug. 27, 2020, in Cameron, La."); or a picture
# agency's dateline ("SABINE PASS, TX - AUGUST 26: Waves ..."). A sentence of
# the story tells a date with "on" ("the vote on Nov. 5, 2024"), or goes on after it.
_CAPTION_DATE_RE = re.compile(
    # the picture, in one sentence ("U.S." and "7.8" do not end it)
    r"(?:[^.!?]|(?<=\b[a-z])\.|\.(?=\d)|" + _ABBREVIATED + r"){8,400}?"
    # ", Monday, Aug. 29, 2011" ("on Sunday, May 4, 2025" tells when, in a sentence)
    r"(?:(?<!day), (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day, )?(?P<date>" + _CAPTION_DAY + r")"
    r"(?:,? (?:in|near|at|off|outside|on|inside)\b[^.!?]{1,80})?"
    # "... State Park on Aug. 26, 2020, in Sabine Pass, Texas."
    r"| on (?P<on>" + _CAPTION_MONTH_DAY + r"), (?:in|near|at|off|outside)\b[^.!?]{1,80})"
    r"(?:\.(?:\s|$)|$)"
)
_PICTURE_DATELINE_RE = re.compile(
    r"^[a-z][a-z .'-]{1,40}, [a-z]{2,}\.? [-–—] (?:jan|feb|march|april|may|june|july|aug|sept?"
    r"|oct|nov|dec)[a-z]* \d{1,2}(?:, (?:19|20)\d\d)?:"
)
_SAYING_RE = re.compile(r"\b(?:said|says|told|announced|according to|reported)\b")


# A picture's credit closing its caption, as written: "(REUTERS/Albert Damanik)",
# "(AP Photo/Bullit Marquez)", "(Photo by Ann Lee)"; an agency in capitals and a
# name, not "(km/h)", a poll's sources ("(Reuters/Ipsos)") or "(see photo)".
_PICTURE_CREDIT_RE = re.compile(
    r"\S[^()]{20,}\((?:(?:[A-Z][\w.&-]*\s){0,3}Photo(?:graph)?\s*(?:/|by\b|:)[^()]{1,60}"
    r"|[A-Z]{2,}(?: [A-Z]{2,})?/ ?[A-Z][^()/]{1,60})\)\.?$"
)


# A picture told as such: "GOES-17 satellite image: ...", "This photo taken on ...",
# "Satellite animation showing ..." (a name, a date or "satellite" before the
# picture's noun; not "officials showed a picture of ...").
_PICTURE_LEAD_RE = re.compile(
    r"(?:[Tt]his|[Tt]he|An?)?\s*(?:(?:[A-Z0-9][\w.,'’-]*|satellite|aerial|file|undated)\s+){0,4}"
    r"(?:[Ss]atellite\s+|[Aa]erial\s+)?(?:image|photo|photograph|picture|animation|view"
    r"|screenshot|illustration|graphic)s?\b(?:\s*:|\s+(?:showing|shows|taken|of|from|captured)\b)"
)
# What a picture shows, told with no verb of its own: "Smoke coming from the wreckage
# of ...", "Detail map showing the eight attack sites".
_PICTURE_SCENE_RE = re.compile(
    r"[\w'’-]+(?:\s+[\w'’-]+){0,2}\s+[a-z]+ing\s+"
    r"(?:from|of|the|a|an|at|near|in|on|for|to|into|over|through|after|during)\b"
)
# A verb of the sentence's own: an auxiliary, or a past tense ("declared").
_AUXILIARY_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|did|does|do)\b", re.I
)
_FINITE_RE = re.compile(
    r"\b(?:\w+ed|keeps?|continues?|remains?|begins?|starts?|goes|comes)\b", re.I
)
_PREPOSITION_START = re.compile(r"(?:at|in|on|during|after|before|from|with|by|for)\b", re.I)
_PICTURE_WORDS = 40
_SCENE_WORDS = 25


def _told_picture(text: str) -> bool:
    """A caption told without a date or credit: one sentence naming a picture, or
    a scene with no finite verb."""
    text = text.strip()
    n_words = len(text.split())
    if n_words > _PICTURE_WORDS or ". " in text or _SAYING_RE.search(text.lower()):
        return False
    if _AUXILIARY_RE.search(text):
        return False  # "The images from the scene were horrific, with ..."
    if _PICTURE_LEAD_RE.match(text):
        return True
    return (
        not _FINITE_RE.search(text)
        and n_words <= _SCENE_WORDS
        and _PICTURE_SCENE_RE.match(text) is not None
        and not _PREPOSITION_START.match(text)  # "At a cabinet meeting on Tuesday, ..."
    )


def _is_caption(key: str, text: str = "") -> bool:
    """Whether a paragraph (folded to lower case) is a photo's caption."""
    if _PICTURE_DATELINE_RE.match(key) or _PICTURE_CREDIT_RE.match(text):
        return True
    if text and _told_picture(text):
        return True
    match = _CAPTION_DATE_RE.match(key)
    if match is None or _SAYING_RE.search(key, 0, match.end()):
        return False
    # "..., in Teresopolis, 13 Jan 2011": a place before a date written day first, not a
    # figure ("The final death toll stood at 1,034, 13 Jan 2011.")
    date = match.start("date")
    return date < 0 or not key[date].isdigit() or key[: date - 2].rstrip()[-1:].isalpha()


# A page's time stamp: "Updated 19 May 2025, 21:40 CEST", "June 11, 2025 4:12 PM
# GMT+1 Updated 2 hours ago", "Herald staff and agencies | Tue 20 May 2025 11.05 CEST".
_MONTH = (
    r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?"
    r"|oct(ober)?|nov(ember)?|dec(ember)?"
)
_DAY = r"(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?"
_CLOCK = r"\d{1,2}[:.]\d{2}|[ap]\.?m\.?"
_ZONE = (
    r"(gmt|utc|bst|ist|wet|west|cet|cest|eet|eest|msk|est|edt|cst|cdt|mst|mdt|pst|pdt|akst|hst"
    r"|ast|adt|art|brt|clt|cot|pet|sast|cat|eat|wat|pkt|pht|wib|sgt|hkt|kst|jst|awst|acst|aest"
    r"|aedt|nzst|nzdt|et|pt|ct|mt)([+-]\d{1,2})?"
)
_NUMERIC_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}"  # "13/08/2025", "02.03.2025", "2025-03-02"
_STAMP_TOKEN = re.compile(
    rf"^(?:{_MONTH}|{_DAY}|\d{{1,4}}(?:st|nd|rd|th)?|{_NUMERIC_DATE}|{_CLOCK}|{_ZONE}"
    r"|updated|published|posted|modified|last|first|ago|hours?|minutes?|mins?|days?)$"
)
_STAMP_SEPARATOR = re.compile(r"\s[|·•]\s")
# Who wrote or sent it, beside the stamp: "Herald staff and agencies".
_CREDIT_WORDS = frozenset(
    [
        "by",
        "staff",
        "agencies",
        "agency",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "desk",
        "newsroom",
        "wire",
        "wires",
    ]
)
_CREDIT_WORDS_MAX = 6


def _stamp_parts(text: str) -> list[tuple[str, bool]] | None:
    """The parts of a time-stamp line, each with whether it is the date part;
    None when `text` is no stamp ("Herald staff | Tue 20 May").

    Each part between "|" or "·" is judged alone: a stamp part is made of date
    and time words only and states a clock time or a full date; any other part
    must be a short credit. A headline with a date in it has other words.
    """
    parts = [p.strip() for p in _STAMP_SEPARATOR.split(text.strip()) if p.strip()]
    marked = [(p, _is_stamp_part(fold_apostrophes(p).lower())) for p in parts]
    if not any(is_date for _, is_date in marked):
        return None
    # An outlet's name beside a stamp with a clock time ("19:32 EEST | Eastlink News"); a
    # title-case headline beside a bare date ("Storm Hits Cornwall | 2 November 2023") is none.
    clocked = any(is_date and _CLOCK_TIME.search(part) for part, is_date in marked)
    for part, is_date in marked:
        words = part.lower().split()
        if is_date or (clocked and _OUTLET_RE.fullmatch(part)) or _only_stamp_words(part):
            continue  # "· Updated 3 hours ago"
        if len(words) > _CREDIT_WORDS_MAX or _CREDIT_WORDS.isdisjoint(words):
            return None
    return marked


# A live blog's entry: "3:48 PM EDT - Greek authorities close ancient sites" (a timeline
# in the story, "2:10 a.m. - A tunnel caves in", names no time zone).
_LIVE_ENTRY_RE = re.compile(
    rf"^\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?\s*{_ZONE}\s*[-–—]\s+[^.!?]{{1,120}}$"
)
_LIVE_HEADING_RE = re.compile(r"^(live updates|live blog|live|latest)\s*:", re.IGNORECASE)
_CLOCK_TIME = re.compile(r"\d{1,2}[:.]\d{2}\b|\b[AaPp]\.?[Mm]\b")
# An outlet's name: a few capitalised words ("The Pacific Ledger"), no sentence.
_OUTLET_RE = re.compile(r"(?:The |La |El |Le |Die |De )?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3}")


def _only_stamp_words(part: str) -> bool:
    tokens = [t.strip(".,") for t in fold_apostrophes(part).lower().split()]
    return bool(tokens) and all(_STAMP_TOKEN.match(t) for t in tokens if t)


def stamp_details(text: str) -> tuple[str | None, str | None]:
    """(credit, date) a page's time-stamp line gives, as written, or (None, None)
    when `text` is no stamp: "Herald staff | Tue 20 May 2025 11.05 CEST" gives
    ("Herald staff", "Tue 20 May 2025 11.05 CEST")."""
    marked = _stamp_parts(text) or []
    credit = next((p for p, is_date in marked if not is_date and not _only_stamp_words(p)), None)
    date = next((p for p, is_date in marked if is_date), None)
    return credit, date


def _is_stamp_part(part: str) -> bool:
    tokens = [t.strip(".,()") for t in part.replace(",", " ").split()]  # "(UTC-5)"
    tokens = [t for t in tokens if t and t not in ("-", "–", "—", "at")]  # "April 7, 2025 - 08:14"
    if not tokens or not all(_STAMP_TOKEN.match(t) for t in tokens):
        return False
    clock = any(re.fullmatch(_CLOCK, t) for t in tokens)
    months = [k for k, t in enumerate(tokens) if re.fullmatch(_MONTH, t)]
    # A month with a day number or a year beside it ("19 May 2025", "June 11").
    dated = any(
        re.fullmatch(r"\d{1,4}(st|nd|rd|th)?", tokens[n])
        for k in months
        for n in (k - 1, k + 1)
        if 0 <= n < len(tokens)
    )
    return clock or dated or any(re.fullmatch(_NUMERIC_DATE, t) for t in tokens)


def _is_link_list(text: str) -> bool:
    """Bullet-separated short items: "• Source 1 • Source 2"."""
    items = [s.strip() for s in _LINK_LIST_RE.split(text) if s.strip()]
    if len(items) < 2 or (not _LINK_LIST_RE.search(text[:3]) and len(items) < 3):
        return False
    return all(len(item.split()) <= 6 for item in items)


def _absorb_link_items(paragraphs: list[str], flags: list[bool]) -> None:
    """Flag the headline-like lines listed under a "Related:" heading.

    A link item is a short line with no sentence punctuation at its end: the
    title of another story. The list ends at the first real sentence.
    """
    for i, text in enumerate(paragraphs):
        key = fold_apostrophes(text).lower().strip()
        if not _LINKS_HEADING_RE.match(key):
            continue
        for j in range(i + 1, len(paragraphs)):
            item = paragraphs[j].strip()
            if len(item.split()) > _LINK_ITEM_WORDS or item[-1:] in '.!"”»':
                break
            flags[j] = True


def _stays_between(text: str, top: bool) -> bool:
    """Whether a paragraph is article text whatever surrounds it: of article length, a
    sentence that tells something (a figure, "said"), or, above the story (`top`), shaped
    as a headline; unless the outlet speaks in it to the reader."""
    if _to_reader(text):
        return False
    words = text.split()
    sentence = text.rstrip().rstrip("\"'”’»)").endswith((".", "!", "?", "…"))
    headline = top and len(words) >= 4 and not sentence and not text.rstrip().endswith(":")
    # Below the story's start a headline-shaped line is a link ("Read more: ..." around it).
    # A data page's value stays whatever notices stand around it ("2009 September 30
    # 10:16:09 UTC", "Location 0.725°S, 99.856°E").
    tells = (sentence and _TELLS_RE.search(text) is not None) or _VALUE_RE.search(text) is not None
    return len(words) > _FILL_WORDS or headline or tells


# A figure or a reported statement: "Seven people are still missing, police said."
_TELLS_RE = re.compile(r"\d|\b(?:said|says|told|according to)\b")
# A measured value, a time or a position: a data page's value ("- 22.9 km depth",
# "2009 September 30 10:16:09 UTC", "Location 0.725°S, 99.856°E"), not "Comments (14)".
_VALUE_RE = re.compile(
    r"\d\s*[°%]|\d\s*(?:km|kilomet\w*|mi|miles?|m|met(?:er|re)s?|ft|feet|kg|mph|utc|gmt)(?!\w)"
    r"|\b\d{1,2}:\d{2}\b",
    re.IGNORECASE,
)
_LEDE_WORDS = 20


def _top_end(paragraphs: list[str], cued: list[bool]) -> int:
    """Where the story starts: the first paragraph of sentence length that is not clutter."""
    return next(
        (i for i, t in enumerate(paragraphs) if len(t.split()) >= _LEDE_WORDS and not cued[i]),
        len(paragraphs),
    )


def _fill_between(paragraphs: list[str], flags: list[bool], cued: list[bool], top: int) -> bool:
    """Flag a short paragraph that has boilerplate of its own within reach on both sides.

    A paragraph of article length stays, unless the outlet speaks in it to the
    reader ("Our newsroom is small ... you"): an advertisement slot two
    paragraphs under the date line must not take the lede with it. Only
    paragraphs that are boilerplate by themselves count as its sides: a
    headline between a cookie notice and a date line is no boilerplate because
    a button and a byline next to them are.
    """
    changed = False
    for i, flagged in enumerate(flags):
        if flagged or _stays_between(paragraphs[i], i < top):
            continue
        before = any(cued[max(0, i - _NEIGHBOUR_REACH) : i])
        after = any(cued[i + 1 : i + 1 + _NEIGHBOUR_REACH])
        if before and after:
            flags[i] = changed = True
    return changed


# Case matters: "US officials" is no "us".
_TO_READER_RE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us|[Yy]ou|[Yy]our)\b")
_QUOTED_RE = re.compile(r"[“\"„«][^”\"“»]*(?:[”\"“»]|$)|‘[^’]*(?:’(?!\w)|$)")


def _to_reader(text: str) -> bool:
    """Whether the outlet addresses the reader (an appeal) outside what it quotes."""
    return len(_TO_READER_RE.findall(_QUOTED_RE.sub(" ", text))) >= 2


_VIDEO_CUE = re.compile(r"^(?:watch\b|video\s*:|\W*play video\b)", re.IGNORECASE)
_TITLE_WORDS = 14  # a title is short; a sentence of the story is longer, or ends in a stop


_PULL_QUOTE_WORDS = (8, 60)


def _pull_quotes(paragraphs: list[str], flags: list[bool]) -> None:
    """A paragraph a longer paragraph of the page tells word for word: a pull quote set
    apart ("You see pictures of World War II, ..." above its speaker), or a teaser of
    the story. The words stay in the longer paragraph, which is text.

    Only the candidates' opening runs of `low` words are indexed, and each is checked
    against a few longer paragraphs at most: a page of thousands of paragraphs, or of
    one line repeated, is read in linear time."""
    low, high = _PULL_QUOTE_WORDS
    told = [words(fold_apostrophes(text)) for text in paragraphs]
    openings: dict[tuple[str, ...], list[int]] = {}
    for i, said in enumerate(told):
        if i and not flags[i] and low <= len(said) <= high:
            openings.setdefault(tuple(said[:low]), []).append(i)
    if not openings:
        return
    firsts = {key[0] for key in openings}
    partners: dict[tuple[str, ...], list[int]] = {}
    for j, said in enumerate(told):
        if flags[j]:
            continue
        for at in range(len(said) - low + 1):
            if said[at] in firsts and (key := tuple(said[at : at + low])) in openings:
                found = partners.setdefault(key, [])
                if len(found) < _PULL_QUOTE_PARTNERS and (not found or found[-1] != j):
                    found.append(j)
    for key, candidates in openings.items():
        for i in candidates:
            whole = f" {' '.join(told[i])} "
            flags[i] = any(
                j != i and len(told[j]) > len(told[i]) and whole in f" {' '.join(told[j])} "
                for j in partners.get(key, ())
            )


_PULL_QUOTE_PARTNERS = 8  # longer paragraphs a candidate is checked against


def _absorb_video_titles(paragraphs: list[str], flags: list[bool]) -> None:
    """A title-case line right next to a video's cue is the video's title ("Watch
    related video report from VOA's …" over "South Korea Continues Search for …")."""
    for i, text in enumerate(paragraphs):
        if not flags[i] or not _VIDEO_CUE.match(text.strip()):
            continue
        for k in (i - 1, i + 1):
            if 0 <= k < len(paragraphs) and not flags[k] and _title_line(paragraphs[k]):
                flags[k] = True


def _section_titles(paragraphs: list[str], flags: list[bool]) -> None:
    """Flag a page's section titles ("Earthquake Details", "Tectonic Summary",
    "Analysis"): headings (text.section_heading) under the first line that say
    where nothing happens ("In Bangladesh" does) and name nothing the article's
    prose names ("Spain Train Accident" does), when the page has several (a data
    page's or a report's structure; one such line alone may be the article's)."""
    candidates = [
        i
        for i, text in enumerate(paragraphs)
        if i
        and not flags[i]
        and section_heading(text)
        and not locative_heading(text)
        and heading_words(text)  # a title has a capital ("trains cancelled" is a list item)
    ]
    if len(candidates) < _SECTION_TITLES:
        return
    names = prose_names(paragraphs)
    titles = [i for i in candidates if not heading_words(paragraphs[i]) & names]
    if len(titles) >= _SECTION_TITLES:
        for i in titles:
            flags[i] = True


_SECTION_TITLES = 2


def _title_line(text: str) -> bool:
    """A short line, most of its words capitalised, not ended by a full stop."""
    text = text.strip()
    found = re.findall(r"[^\W\d_][\w'’-]*", text)
    if not found or len(found) > _TITLE_WORDS or text.endswith((".", "?", "!", ":")):
        return False
    long = [w for w in found if len(w) > 3]
    return bool(long) and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def _absorb_short(paragraphs: list[str], flags: list[bool]) -> bool:
    """Flag a very short paragraph (a button, a heading) next to boilerplate."""
    changed = False
    for i, text in enumerate(paragraphs):
        if flags[i] or _has_quote(text) or _VALUE_RE.search(text):
            continue  # a value ("- 22.9 km depth") is no button, whatever is next to it
        before = i > 0 and flags[i - 1]
        after = i + 1 < len(flags) and flags[i + 1]
        n_words = len(text.split())
        # A heading ("A message from the editors:") introduces the block after it.
        heading = after and n_words <= _HEADING_WORDS and text.rstrip().endswith(":")
        # A button is a word or two; a five-word line ending in a full stop is a sentence.
        button = n_words <= 2 or (n_words <= _SHORT_UI_WORDS and not text.rstrip().endswith("."))
        if heading or ((before or after) and button):
            flags[i] = changed = True
    return changed


def _has_quote(text: str) -> bool:
    return any(q in text for q in '"“”„«»')
