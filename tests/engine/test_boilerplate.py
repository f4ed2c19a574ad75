"""Boilerplate detection by general cues (engine/boilerplate.py)."""

from __future__ import annotations

import pytest

from reportdiff.engine.boilerplate import flag_boilerplate
from reportdiff.engine.segment import parse_report

ARTICLE = "The storm flooded hundreds of homes along the coast, the mayor said on Monday."

CASES = [
    # comment forms in several languages
    ("Leave a Reply", True),
    ("Your email address will not be published. Required fields are marked *", True),
    ("Laisser un commentaire", True),
    ("Votre adresse e-mail ne sera pas publiée.", True),
    ("Deja un comentario", True),
    # links elsewhere
    ("Read the full story here", True),
    ("Source link", True),
    ("Related Articles:", True),
    ("Source: https://example.org/news/1", True),
    ("https://example.org/a-long/path", True),
    ("• Storm live updates • Flood map • How to help", True),
    # credits and bylines
    ("Jane Doe and John Roe contributed reporting from Lisbon.", True),
    ("Reporting by Ana Lopes; Editing by Tom Hale", True),
    ("By Maria Gonzalez", True),
    ("Photo: Associated Press", True),
    # appeals spoken to the reader
    ("Please consider a donation: your support keeps our newsroom going.", True),
    ("Subscribe today and get unlimited access for just $1 a month.", True),
    # the "remember me" line of a comment form, in English and French
    ("Save my name, email, and website in this browser for the next time I comment.", True),
    ("Enregistrer mon nom, mon e-mail et mon site dans le navigateur.", True),
    # newsletter and paywall furniture
    ("Get the Morning Briefing newsletter", True),
    ("By signing up, you agree to our Terms of Use and Privacy Policy.", True),
    ("You've read 3 of your 5 free articles this month.", True),
    ("Sign up", True),
    # a byline with a place
    ("By Ana Lopes, in Lisbon", True),
    # a byline with a place and a date
    ("By Joana Reis in Lisbon · Thursday 12 June 2025", True),
    # wire credits and standards lines
    ("(Reporting by Ana Teixeira and Mark Collins; Editing by Sarah Whitfield)", True),
    ("Our Standards: The Thomson Reuters Trust Principles.", True),
    # time stamps of a page, alone or with the outlet
    ("Updated 19 May 2025, 21:40 CEST", True),
    ("June 11, 2025 4:12 PM GMT+1 Updated 2 hours ago", True),
    ("Published Thu 3 Apr 2025 19.30 BST | Last modified Thu 3 Apr 2025 21.02 BST", True),
    ("Danube Herald staff and agencies | Tue 20 May 2025 11.05 CEST", True),
    # sentences and headlines that tell a time and date are article text
    ("The quake struck at 4:17 a.m. local time (0917 GMT) on Sunday, May 4, 2025.", False),
    ("Quake hits southern Peru at 4:17 a.m. on Sunday, May 4, killing at least 12", False),
    ("Polls close at 8:00 p.m. on Sunday 4 May 2025", False),
    # a headline beside its outlet, and headlines and sentences with dates and times
    ("Prices may fall, economists say | Reuters", False),
    ("Floods in May kill 12 | Reuters", False),
    ("Gaza ceasefire may begin on Sunday · Live", False),
    ("Quake strikes Japan at 10:32 a.m. JST on Jan. 1", False),
    ("Voting ends at 8 p.m. EST on Nov. 5", False),
    ("Apple posted its first loss since 2003", False),
    ("Le vote est prévu le 12 mai 2025", False),
    # a subheading is no byline, a sentence about standards no standards line
    ("By the numbers — Spain's floods in 2024", False),
    ("By Friday – the deadline set in March 2025", False),
    ("Journalists must respect the Trust Principles", False),
    ("Research by Oxford University found 40% of adults skip breakfast.", False),
    ("Additional reporting by Jan Novak in Prague", True),
    # article sentences that merely mention the same words are not boilerplate
    ("Volunteers set up a sign up desk at the shelter on Monday.", False),
    ("Related charges were filed against the driver on Monday.", False),
    ("The newsletter of the local council had warned of flooding in May.", False),
    ("The charity said donations had poured in after the storm.", False),
    ("Officials said a related investigation was under way.", False),
    ("By Tuesday the water had receded from most streets.", False),
    (ARTICLE, False),
    # bylines and stamps naming the outlet, other time zones, photo credits
    ("By Ana Ruiz and Tom Hale | The Pacific Ledger", True),
    ("14 October 2025 · 21:15 PET", True),
    ("7 June 2025, 19:32 EEST | Eastlink News", True),
    ("Photograph: Vlad Enache/Transilvania Foto", True),
    # one-line links to other stories, listening widgets, comment and consent forms
    ("Related: Who is the professor who wants to run the country?", True),
    ("READ: Weather bureau raises Signal No. 4 as the storm intensifies", True),
    ("Read Next: Farmers count losses after the typhoon", True),
    ("Listen to this article · 5 min", True),
    ("Log in or register to join the discussion", True),
    ("Adresa ta de email nu va fi publicată. Câmpurile obligatorii sunt marcate cu *", True),
    ("Trimite comentariul", True),
    (
        "By providing an email address, I agree to the Terms of Use and acknowledge that I have"
        " read the Privacy Policy",
        True,
    ),
    ("Join the conversation. Comments are reviewed before they are published.", True),
    ("Westmark News Service · 13/08/2025 03:05 BST", True),
    ("02.03.2025 • 19:05", True),
    ("Feb. 5, 2026 8:14 AM ET", True),
    ("LIVE: Follow our rolling coverage of strikes across Europe", True),
    ("Associated reporting by Continental Press staff in Antwerp and Liège.", True),
    (
        "-- Reporting by Nathan Pell in London and Sunita Karve in New York; editing by Colm Hardy",
        True,
    ),
    ("Newsroom | The Aegean Observer", True),
    ("Follow The Aegean Observer on Google News", True),
    ("Tags: ferry, shipping, Evia, coast guard", True),
    ("Γράψτε ένα σχόλιο", True),
    ("Η διεύθυνση email σας δεν θα δημοσιευτεί. Τα υποχρεωτικά πεδία σημειώνονται με *", True),
    ("Όνομα *", True),
    ("Sign up to Money Matters", True),
    ("Sign me up", True),
    ("By Jonah Reyes-Whitfield and Priya Lendl", True),
    ("By Caitlin Morrow-Vance, Transatlantic News Service", True),
    ("October 13, 2025 6:02 AM UTC · Updated 3 hours ago", True),
    ("A man cools off in a fountain on Tuesday. Photograph: Rafa Quintero/The Courier", True),
    ("Associated video: Tourists seek shade in Seville as temperatures soar (0:58)", True),
    ("Live updates: Hurricane Milton makes landfall near Sarasota as Category 3 storm", False),
    ("3:48 PM EDT - Greek authorities close ancient sites for the afternoon", True),
    ("Follow Coastline Wire's climate coverage: https://coastlinewire.example/hub/climate", True),
    (
        "Sign up to Europe Weekly: the week's big stories from across the continent, every Friday",
        True,
    ),
    # comment forms in any language: an e-mail word and a required-field asterisk,
    # or e-mail and website saved together
    ("E-posta adresiniz yayınlanmayacak. Gerekli alanlar * ile işaretlenmişlerdir", True),
    ("Az e-mail címed nem lesz közzétéve. A kötelező mezőket * karakterrel jelöltük", True),
    (
        "Spara mitt namn, min e-postadress och webbplats i denna webbläsare till nästa gång jag"
        " skriver en kommentar.",
        True,
    ),
    # ... and the article sentences they resemble are not
    ("Officials said the e-mail was sent at 3:48 pm from a website in Spain.", False),
    ("Von der Leyen re-elected", False),
    ("Di Maio's new party splits", False),
    ("2:10 a.m. - A section of tunnel caves in on level 7, trapping 12 miners", False),
    ("The hackers sent staff an email that opened a fake login page in their browser.", False),
    ("This site uses cookies to improve your experience.", True),
    ("The photo shows the bridge at 4 p.m. on Tuesday, police said.", False),
    ("Follow the money, the prosecutor told the jury on Monday.", False),
    ("Reporting by the state broadcaster suggested the death toll was higher.", False),
    ("Unions said they would sign up to the deal if pay rose by 5%.", False),
    ("Sales | Profits", False),
    ("Storm Ciarán Hits Cornwall | 2 November 2023", False),
    ("More: 14 flights were cancelled at Dublin Airport", False),
    ("Pictures by a local resident showed water up to the roofs of cars", False),
    ("The regulator said the company forced users to accept its terms of service.", False),
    ("Reporting by ProPublica in 2019 showed that the company had paid lobbyists.", False),
    ("Editing by AI tools has become common in newsrooms.", False),
    ("Public comments are reviewed by the court before the plan is confirmed.", False),
    ("Join the conversation about housing, the mayor urged residents.", False),
    ("Topics: The summit will cover trade and security, officials said.", False),
    ("Reform UK *", False),
    ("Read: the full list of closed roads is on the council's site, officials said.", False),
    ("Photographers were kept away from the site until Monday.", False),
    ("The vote is due on 7 June 2025, the electoral commission said.", False),
    # a repost's origin, a picture's credit, a screenshot, a video link
    ("From the Voice of America", True),
    ("From Wikinews, the free news source you can write!", True),
    ("From Monday, trains will run every ten minutes, the operator said.", False),
    ("From Monday, the market opens at nine.", False),
    ("From the ruins, the smell of smoke rose.", False),
    ("From the Voice of America provides news in 40 languages, its charter says.", False),
    ("Only two temples were left standing. Image by Kunda Dixit. Used with permission", True),
    ("The square was badly damaged. Image by S. Shrestha. Copyright Demotix (25/4/2015)", True),
    ("Screen shot 2015-04-25 at 8.42.40 PM", True),
    ("A video by the activist group, posted on Tuesday, showed soldiers firing.", False),
    ("The photo by Reuters photographer Jane Doe went around the world within hours.", False),
    ("From the United Nations, the message was clear: the toll would rise.", False),
    ("Watch related video report from VOA's Zlatica Hoke.", True),
    ("Watch out for falling debris, the police warned residents on Monday.", False),
]


def test_article_text_between_clutter_is_kept_whatever_its_pronouns_and_quotes() -> None:
    lede = (
        "The US and China agreed on Tuesday to suspend new tariffs for 90 days, US officials"
        " said, in a deal that calmed markets across Asia and Europe."
    )
    quote = (
        "‘We have no choice but to strike, because our members cannot live on what we are"
        " paid,’ said the union leader, who has led the union since 2019."
    )
    for text in (lede, quote):
        paragraphs = ["By Ann Lee", text, "READ: Markets rally as tariffs are suspended", ARTICLE]
        assert flag_boilerplate(paragraphs) == [True, False, True, False]


def test_a_headline_between_page_widgets_is_article_text() -> None:
    paragraphs = [
        "LIVE UPDATES: Heat wave in southern Europe",
        "3:15 PM EDT - Portugal raises wildfire alert in the Alentejo",
        "See all updates",
        "Heat wave scorches Spain, toppling a small town's temperature record",
        "By Caitlin Morrow-Vance, Transatlantic News Service",
        "Published 4:20 PM EDT, July 15, 2025",
        ARTICLE,
    ]
    assert flag_boilerplate(paragraphs) == [True, True, True, False, True, True, False]


def test_a_sentence_that_tells_something_stays_between_page_furniture() -> None:
    paragraphs = [
        ARTICLE,
        "Sign up to our free morning briefing",
        "Seven people are still missing, police said.",
        "Associated video: Rescuers search the river banks (1:12)",
        ARTICLE,
    ]
    assert flag_boilerplate(paragraphs) == [False, True, False, True, False]


def test_a_headline_shaped_link_between_link_lines_is_boilerplate() -> None:
    lede = (
        "MANILA — The typhoon slammed into the eastern islands late on Sunday, killing at least"
        " six people and destroying about 1,400 homes, officials said."
    )
    paragraphs = [
        lede,
        "Read more: Dam operators warn of higher releases",
        "Flash floods kill 17 people as dam bursts upstream",
        "Read more: How the typhoon season is changing",
        ARTICLE,
    ]
    assert flag_boilerplate(paragraphs) == [False, True, True, True, False]


def test_a_lede_between_a_date_line_and_an_advert_is_article_text() -> None:
    lede = (
        "MANILA — The typhoon slammed into the eastern islands late on Sunday, killing at least"
        " six people and destroying about 1,400 homes, officials said."
    )
    paragraphs = ["November 10, 2025 | 3:45 p.m.", lede, lede, "ADVERTISEMENT", ARTICLE]
    assert flag_boilerplate(paragraphs) == [True, False, False, True, False]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_single_paragraph(text: str, expected: bool) -> None:
    assert flag_boilerplate([ARTICLE, text, ARTICLE]) == [False, expected, False]


def test_appeal_block_takes_its_uncued_middle_and_buttons() -> None:
    # an appeal's plain middle sentence and its short buttons belong to the block
    paragraphs = [
        ARTICLE,
        "A note from our editors:",
        "Dear readers,",
        "Times are hard for the press everywhere.",
        "We need your help to keep independent journalism alive.",
        "Continue",
        "Maybe later",
    ]
    assert flag_boilerplate(paragraphs) == [False, True, True, True, True, True, True]


def test_short_article_paragraph_far_from_boilerplate_is_kept() -> None:
    assert flag_boilerplate(["Quake Hits Chile", ARTICLE, "It was over.", ARTICLE]) == [False] * 4


def test_related_heading_takes_the_story_titles_under_it() -> None:
    # the titles listed under "Related:" are links, up to the first real sentence
    paragraphs = [
        ARTICLE,
        "Related:",
        "Why old adobe houses fall in earthquakes",
        "Explainer: how the Ring of Fire works",
        ARTICLE,
    ]
    assert flag_boilerplate(paragraphs) == [False, True, True, True, False]


# Photo captions, credits and page furniture of real news pages; and sentences of
# a story that look like them.
CAPTIONS = [
    (
        "Rescue workers recover a body from the rubble of a building felled by a 7.8-magnitude"
        " earthquake, in Manta, Ecuador, April 19, 2016.",
        True,
    ),
    (
        "Buildings and homes are flooded in the aftermath of Hurricane Laura, Aug. 27, 2020, in"
        " Cameron, La.",
        True,
    ),
    (
        "Flood affected boys move on a banana raft near submerged houses in Morigaon district,"
        " Assam, India, Tuesday, Aug. 15, 2017.",
        True,
    ),
    (
        "The crew members (L-R) Alexander Gerst of Germany and Reid Wiseman of the U.S. pose"
        " before the launch at the Baikonur cosmodrome, May 28, 2014.",
        True,
    ),
    (
        "Waves from the storm surge begin to come ashore at Sea Rim State Park on Aug. 26, 2020,"
        " in Sabine Pass, Texas.",
        True,
    ),
    ("SABINE PASS, TX - AUGUST 26: Waves from the storm surge began to come ashore…", True),
    # a caption closed by its picture's credit, in brackets
    (
        "Relatives wait for news on the missing at the port in Tigaras, Indonesia June 19,"
        " 2018. (REUTERS/Albert Damanik)",
        True,
    ),
    ("Rescuers carry a survivor from the rubble in Tagbilaran. (AP Photo/Bullit Marquez)", True),
    ("The wind reached 180 km/h on the coast, forecasters said (km/h).", False),
    ("The ministry said 40 people were still missing on Tuesday. (Reuters)", False),
    # a broadcast's sign-off and its adapter's credit
    ("I'm fine.", False),
    ("Support for the president fell to 38 percent, according to the poll (Reuters/Ipsos).", False),
    ("Rescuers pulled a girl alive from the rubble of the school on Saturday (see photo).", False),
    ("Director Ang Lee adapted the story for the screen in 2012, years after the novel.", False),
    (
        "The station joined Radio Free Asia's local bureau, which provides uncensored news to"
        " audiences across the country, officials said.",
        False,
    ),
    (
        'Lee told the crowd, "We will rebuild." - a promise she repeated in Tainan, February 6,'
        " 2016.",
        False,
    ),
    (
        "VOANews.com reported this story from Washington. Christopher Jones-Cruise adapted the"
        " story for VOA Learning English.",
        True,
    ),
    # a cited source, as a wiki lists them
    (
        'Faith Hung, Yimou Lee. "Taiwan quake kills at least 12, fells apartment block" —'
        " Reuters, February 6, 2016",
        True,
    ),
    (
        '- Laurence Frost and Francisco Marcelino. "Plane search finds wreckage" — Bloomberg'
        " L.P., June 2, 2009",
        True,
    ),  # as a list item, from an outlet that abbreviates
    ('- "Search underway for missing passenger jet" — Wikinews, June 2, 2009', True),
    (
        '"We will rebuild the school," the mayor said. — The mayor spoke in Tainan on'
        " February 6, 2016.",
        False,
    ),
    # an abbreviation inside a caption ("St. Michael")
    (
        "A view of the destroyed St. Michael Parish church in Clarin, Bohol a day after an"
        " earthquake hit, central Philippines, Oct. 16, 2013.",
        True,
    ),
    ("Gov. Ana Lee said the bridge in Clarin would reopen on Oct. 16, 2013.", False),
    # an outlet telling who it is, under its story
    (
        "The Voice of America provides news and information in more than 40 languages to an"
        " estimated weekly audience of over 326 million people.",
        True,
    ),
    ("Some material for this report came from AP and Reuters.", True),
    ("Some information for this report provided by AP, AFP and Reuters.", True),
    ("› View video of Soyuz hatch opening", True),
    ("Wikipedia has more about this subject:", True),
    ("Source: Official website of the President of Russia", True),
    ("###", True),
    # the story's own sentences
    ("The quake struck at 4:17 a.m. local time on Sunday, May 4, 2025.", False),
    ("Voters go to the polls on Nov. 5, 2024.", False),
    (
        "Officials said the storm made landfall near Cameron, Louisiana, Aug. 27, 2020, as a"
        " category four hurricane.",
        False,
    ),
    (
        "The earthquake, which struck on Saturday, April 20, 2013, killed 196 people in the"
        " province.",
        False,
    ),
    ("Police said the suspect was arrested in Lyon, March 3, 2024.", False),
    # an agency's caption of a picture "in this ..." and where a picture comes from (reference23)
    (
        "People walk past rubble as they help the injured evacuate after an earthquake in"
        " Christchurch, New Zealand, in this February 22, 2011 image taken from video footage.",
        True,
    ),
    ("Rescuers search the debris of the school, in this undated handout photo.", True),
    ("The photo is from http://www.flickr.com/photos/davidonformosa/2352525588/", True),
    ("Photos are courtesy of the Red Cross.", True),
    # reference24: a screenshot's caption, a credit, a dateline, a section break
    (
        "Screenshot of the submerged town of Tulun, in Russia\u2019s Irkutsk Region, from John"
        " Tark\u2019s YouTube video \u201c\u0422\u0443\u043b\u0443\u043d",
        True,
    ),
    (
        "Photo of the May 20, 2013 Newcastle-South OKC-Moore EF-5 Tornado was provided"
        " courtesy of Gabe Garfield.",
        True,
    ),
    ("July 25, 2019, The Kremlin, Moscow", True),
    ("* * *", True),
    ("Photo of the year: the jury chose a picture of the flood.", False),
    # story sentences about pictures (a review of the rules above)
    ("Pictures of the damage taken by residents show entire streets flattened.", False),
    ("Photos of the victims provided by their families were displayed at the vigil.", False),
    ("The video was from a traffic camera and showed the bus leaving the road.", False),
    ("The video was by far the most widely shared clip of the attack, police said.", False),
    (
        "The photos were from a satellite operated by Maxar. They show the dam breached in two"
        " places.",
        False,
    ),
    (
        "Officials urged residents to remain calm, in this still unfolding crisis, and to stay in.",
        False,
    ),
    ("Rescuers say they are confident, in this frame of mind, that more will be found.", False),
    ("Still from the capital came reports of looting and gunfire late into the night", False),
    # reference25: a blog's stamp, a name as a caption, a picture's source, a video's caption
    ("Posted July 23rd, 2011 at 2:45 pm (UTC-5)", True),
    ("John Atta Mills.", True),
    ("Photo from blog of Francesca in France", True),
    (
        "This video summarizes the deadly impact of Typhoon Ondoy in Metro Manila and nearby"
        " provinces",
        True,
    ),
    ("Video from the scene shows one rail car on the ground and another dangling.", False),
    ("John Atta Mills won.", False),
    # reference26: a map's caption and its legend
    ("Map highlighting epicenter of the earthquake.", True),
    ("The marker shows the epicenter of the earthquake.", True),
    ("Map showing locations of Dusseldorf, Barcelona, and Barcelonnette", True),
    ("Maps showing the flooded areas were handed to rescuers on Monday.", False),
    ("The photo is the first image of the crater taken since the eruption began.", False),
    ("In this image, the president said, the country can see its future.", False),
    # references 27 and 29: a picture told as such, a scene told with no verb of its own
    ("GOES-17 satellite image: Eruption of underwater volcano Hunga Tonga on 15 January", True),
    ("The January 15, 2022 satellite view of the small, uninhabited island", True),
    ("This photo taken on August 13, 2015 shows a destroyed car as a fire burns", True),
    ("Satellite animation showing a volcanic eruption in the ocean", True),
    ("Smoke coming from the wreckage of the Boeing 777 at San Francisco International Airport.",
     True),
    ("Fire Service officials showed a picture of what appeared to be the truck.", False),
    ("A hurricane warning remains in effect along the Gulf Coast of Mexico", False),
    ("Rescuers working through the night have pulled 12 people from the rubble.", False),
    ("At a cabinet meeting on Tuesday, the government declared a state of emergency.", False),
    ("Crews working in the heat cleared the road to the village.", False),
    ("The images from the scene were horrific, with at least 30 bodies in the street.", False),
    ("The view from the hospital was grim: 300 injured lay in corridors.", False),
    ("Rescuers keep digging through the rubble for 20 missing children.", False),
    # references 31 and 32: a caption dated day first, a credit after a dash, a page's
    # notices and pleas in lines of their own
    ("The bodies of victims of the landslides lie on the ground in Teresopolis, 13 Jan 2011",
     True),
    ("A woman covers her face from the smoke of burning tires set up by demonstrators in"
     " Port-au-Prince, Haiti, 15 Nov. 2010.", True),
    ("A presidential election was held in Ghana on 7 December 2008, at the same time as a"
     " parliamentary election.", False),
    ("Bom Jardim – Photo by @bdugin at twitpic", True),
    ("Support Global Voices", True),
    ("Donate now »", True),
    ("Support for the measure fell to 40 percent in the capital after the vote.", False),
    ("This post is part of our special coverage Forest Focus: Amazon.", True),
    ("Persons using assistive technology might not be able to fully access information in"
     " this file. For assistance, please send e-mail to: mmwrq@cdc.gov.", True),
    ("Please note: An erratum has been published for this article. To view the erratum,"
     " please click here.", True),
    ("The ministry said a correction was published in the gazette on Friday.", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CAPTIONS)
def test_captions_and_credits(text: str, expected: bool) -> None:
    assert flag_boilerplate([ARTICLE, text, ARTICLE]) == [False, expected, False]


def test_a_sign_off_ends_a_broadcast() -> None:
    assert flag_boilerplate([ARTICLE, ARTICLE, "I'm Mario Ritter."]) == [False, False, True]
    middle = [ARTICLE, "I'm Not Going Anywhere.", *[ARTICLE] * 5]
    assert flag_boilerplate(middle)[1] is False


def test_a_video_title_next_to_its_cue_is_boilerplate() -> None:
    paragraphs = [
        ARTICLE,
        "South Korea Continues Search for Survivors of Sunken Ferry",
        "Watch related video report from VOA's Zlatica Hoke.",
        ARTICLE,
        "Divers Resume the Search",  # a title-case line far from any video is kept
        ARTICLE,
    ]
    assert flag_boilerplate(paragraphs) == [False, True, True, False, False, False]
    # a sentence of the story next to the cue stays
    story = "Divers resumed the search for 282 people on Thursday, the coast guard said."
    assert flag_boilerplate([ARTICLE, story, paragraphs[2], ARTICLE])[1] is False


def test_a_byline_naming_the_outlet_is_boilerplate() -> None:
    report = parse_report(
        "Floods kill 200\n\nVOA News\n\n" + ARTICLE, outlet="Voice of America (VOA News)"
    )
    assert [p.boilerplate for p in report.paragraphs] == [False, True, False]
    # without the outlet's name, the same line is text
    assert not parse_report("Floods kill 200\n\nVOA News\n\n" + ARTICLE).paragraphs[1].boilerplate


@pytest.mark.parametrize(
    ("byline", "outlet", "flagged"),
    [
        # its banner, whole words of its name (reference32: a CDC page)
        (
            "Centers for Disease Control and Prevention",
            "U.S. Centers for Disease Control and Prevention (CDC), Morbidity and Mortality"
            " Weekly Report (MMWR)",
            True,
        ),
        ("Disease Control and Prevention Centers", "U.S. Centers for Disease Control", False),
        ("VOA News", "Voice of America", True),  # its initials, and "News"
        ("AP", "The Associated Press", True),  # initials without "The"
        ("BBC Staff", "British Broadcasting Corporation", True),
        ("News", "Voice of America", False),  # a newsroom word alone names no one
        ("VOA Officials", "Voice of America", False),  # not a newsroom word
        ("NPR News", "Voice of America", False),  # another outlet's initials
    ],
)
def test_a_byline_of_the_outlets_initials_is_boilerplate(
    byline: str, outlet: str, flagged: bool
) -> None:
    report = parse_report(f"Floods kill 200\n\n{ARTICLE}\n\n{byline}", outlet=outlet)
    assert report.paragraphs[-1].boilerplate is flagged


def test_a_data_pages_section_titles_are_boilerplate() -> None:
    """ "Earthquake Details", "Tectonic Summary": a page's section titles; a heading
    that says where ("In Peru") or names what the prose names stays text."""
    report = parse_report(
        "Quake strikes Peru\n\nEarthquake Details\n\nThe quake killed 450 people in Peru,"
        " officials in Lima said.\n\nTectonic Summary\n\nThe quake struck along the"
        " boundary of two plates.\n\nIn Peru\n\nRescuers reached Pisco on Thursday.\n\n"
        "Rescue Efforts in Pisco\n\nTeams searched the rubble of the town, people in Pisco said."
    )
    flags = [p.boilerplate for p in report.paragraphs]
    assert flags == [False, True, False, True, False, False, False, False, False]


def test_a_bare_sources_heading_is_boilerplate() -> None:
    report = parse_report(f"Floods kill 200\n\n{ARTICLE}\n\nSources")
    assert [p.boilerplate for p in report.paragraphs] == [False, False, True]


@pytest.mark.parametrize(
    "line",
    [
        "June Malone Headquarters, Washington 202-358-1071 june.e.malone@nasa.gov",
        "Media contact: press@example.org",
        "For more information call (800) 555-1234",
        "RELEASE: 07-231",
        "Press release No. 45/2024",
        "SUBMITTED BY ARTHUR N1ORC - AMSAT A/C #31468",
    ],
)
def test_a_press_releases_furniture_is_boilerplate(line: str) -> None:
    flags = flag_boilerplate([line, ARTICLE])
    assert flags == [True, False]


@pytest.mark.parametrize(
    "line",
    [
        "Officials said 202 people died and 358 were injured, and 1071 homes were destroyed.",
        "The release of 1,027 prisoners is set for Tuesday, officials said.",
        "Press release",
        "Rescuers wrote to the ministry at the address its spokesman gave: help@quake.gov.xx,"
        " and waited three days for an answer while the aftershocks went on and on.",
    ],
)
def test_text_with_numbers_or_an_address_is_not_a_contact(line: str) -> None:
    assert flag_boilerplate([line, ARTICLE]) == [False, False]


@pytest.mark.parametrize(
    "line",
    [
        "There are no reviewed versions of this page, so it may not have been checked for"
        " adherence to standards.",
        "This page is archived, and is no longer publicly editable.",
        "This article was last updated on 12 March 2024.",
        "Please note that due to our archival policy, we will not alter or update the content"
        " of articles that are archived.",
        "Note that some listed sources or external links may no longer be available online"
        " due to age.",
        "[headline not in the stored copy]",
        "[Photo]",
        "This audio file was created from the text revision dated 2006-04-26 and may not"
        " reflect subsequent text edits to this revision.",
        "Update",
        "Breaking news:",
    ],
)
def test_a_pages_notice_about_itself_is_boilerplate(line: str) -> None:
    assert flag_boilerplate([ARTICLE, line, ARTICLE]) == [False, True, False]


@pytest.mark.parametrize(
    "line",
    [
        "The ministry said the page of the register that listed the dead was archived in 2019,"
        " long before the flood reached the valley and the town council asked for it back.",
        "Officials said the figures [released on Monday] were no longer up to date.",
        "The update of the toll came on Monday, hours after the second blast.",
        "Under this article of the constitution, the president can no longer seek a third"
        " term, the court ruled on Monday.",
        "The court said this article of the penal code was reviewed in 2010.",
        "The National Archives said its archival policy had changed after 3,000 documents"
        " were lost.",
        "Officials warned that rail links to the flooded north may no longer be available by"
        " Friday.",
        "[Updated 3 p.m.: The death toll has risen to 45, police said.]",
        "[Editor's note: An earlier version misstated the toll as 40.]",
        "The hackers demanded payment to ransom@proton.me, police said.",
    ],
)
def test_text_about_pages_or_with_brackets_stays_text(line: str) -> None:
    assert flag_boilerplate([ARTICLE, line, ARTICLE]) == [False, False, False]


def test_a_news_reports_subheadings_leave_the_text_between_them() -> None:
    """Two subheadings that name nothing may be flagged, but never take the
    sentences between them along."""
    texts = [
        "Floods in Germany",
        "Rescue Efforts",
        "Soldiers reached the town of Ulm by boat on Sunday.",
        "Rescuers pulled twelve survivors from the water.",
        "Political Reaction",
        "The chancellor visited Ulm on Monday, officials said.",
    ]
    flags = flag_boilerplate(texts)
    assert flags[2:4] == [False, False]
    assert not flags[5]
    # a list of items in lower case is no section title
    items = ["Floods in Germany", "trains cancelled until Wednesday", "schools closed", ARTICLE]
    assert flag_boilerplate(items)[1:3] == [False, False]


def test_a_plea_block_is_boilerplate_whole() -> None:
    # reference31 (Global Voices): the plea's middle line speaks to the reader
    paragraphs = [
        ARTICLE,
        "Support Global Voices",
        "To stay independent, free, and sustainable, our community needs the help of friends"
        " and readers like you.",
        "Donate now »",
        ARTICLE,
    ]
    assert flag_boilerplate(paragraphs) == [False, True, True, True, False]


@pytest.mark.parametrize(
    "line",
    [
        # references 35 and 36: an agency's credit, a licence, a wiki's sources
        "NASA image courtesy Jeff Schmaltz, LANCE MODIS Rapid Response. Caption by Michon Scott.",
        "NASA image created by Jesse Allen, using data provided courtesy of NASA/GSFC/METI/ERSDAC"
        "/JAROS, and U.S./Japan ASTER Science Team.",
        "Originally posted by Wikinews. Wikinews content appears under the Creative Commons"
        " Attribution 2.5 license except where otherwise noted.",
        "== Sources ==",
        "* http://www.nytimes.com/2011/03/15/world/asia/15japan.html?hp",
        "References & Resources",
        "—Kerry Sachetta, principal of Joplin High School",
    ],
)
def test_page_furniture_of_agencies_and_wikis(line: str) -> None:
    assert flag_boilerplate([ARTICLE, line, ARTICLE]) == [False, True, False]


@pytest.mark.parametrize(
    "line",
    [
        "The image from the satellite showed the storm's eye clearly, officials said.",
        "- Residents of the coast were told to leave their homes by noon.",
        "Creative Commons licenses were discussed at the meeting on Tuesday.",
    ],
)
def test_text_like_page_furniture_stays_text(line: str) -> None:
    assert flag_boilerplate([ARTICLE, line, ARTICLE]) == [False, False, False]


def test_a_pull_quote_the_story_tells_again_is_boilerplate() -> None:
    # reference36 (Wikinews): the quote set apart, and its speaker, repeat the story
    quote = (
        "You see pictures of World War II, the devastation and all that with the bombing."
        " That's really what it looked like."
    )
    story = (
        'The local high school was also damaged. Its principal, Kerry Sachetta, said: "'
        + quote
        + " I couldn't even make out the building.\""
    )
    paragraphs = [ARTICLE, quote, "—Kerry Sachetta, principal of Joplin High School", story]
    assert flag_boilerplate(paragraphs) == [False, True, True, False]
    # a short paragraph that tells what a longer one does not is text
    assert (
        flag_boilerplate([ARTICLE, "You see pictures of the war in every street here.", story])[1]
        is False
    )


@pytest.mark.parametrize(
    "line",
    [
        # references 37 and 38: a government site's banner, a page's notes about itself,
        # a wiki's missing picture, a catalogue's labels, a breadcrumb, a picture's link
        "An official website of the United States government",
        "A .gov website belongs to an official government organization in the United States.",
        "A lock () or https:// means you’ve safely connected to the .gov website. Share"
        " sensitive information only on official, secure websites.",
        "This webpage is being phased out and is no longer maintained. Please use the new"
        " Real-time Earthquake Map instead.",
        "• This event has been reviewed by a seismologist.",
        "(Image missing from Commons: image; log)",
        'Cquote1.svg "This isn’t an unusually strong cyclone." Cquote2.svg',
        "For additional information, visit the Pollution/Situation Report (Pol/Sitreps) section.",
        "Retrieved From:",
        "Media Type:",
        "News / Europe",
        "This image, taken at 21:20 UTC on May 23, 2009, shows the pattern of rain intensity"
        " within the storm. > Larger image",
        "This TRMM image was taken at 12:55 UTC (6:25 pm local time) on May 25 and shows a much"
        " different looking storm.",
        # a caption whose date is set off by two spaces
        "Belarus President Alexander Lukashenko, center, looks at the blast site in Minsk,"
        " Belarus,  April 11, 2011",
    ],
)
def test_page_furniture_of_government_and_data_pages(line: str) -> None:
    assert flag_boilerplate([ARTICLE, line, ARTICLE]) == [False, True, False]


def test_a_data_pages_values_stay_between_its_notices() -> None:
    # reference38 (USGS): the quake's time and place between a heading and a notice
    paragraphs = [
        "Magnitude 7.6 - SOUTHERN SUMATRA, INDONESIA",
        "2009 September 30 10:16:09 UTC",
        "Earthquake Details",
        "• This event has been reviewed by a seismologist.",
        "Location 0.725°S, 99.856°E",
        "- 22.9 km depth",
        "This webpage is being phased out and is no longer maintained.",
        ARTICLE,
    ]
    flags = flag_boilerplate(paragraphs)
    assert [flags[i] for i in (1, 4, 5)] == [False, False, False]
    assert flags[3]
    assert flags[6]
    # a lead-in to a quote is text; a count of comments by a notice is not
    assert flag_boilerplate([ARTICLE, "A reader inquired:", ARTICLE]) == [False, False, False]
    assert flag_boilerplate([ARTICLE, "Comments (14)", "Leave a comment"])[1:] == [True, True]


@pytest.mark.parametrize(
    "line",
    [
        # from a review of the rules above: article sentences that look like furniture
        "Aerial photos by the coast guard showed 30 homes destroyed along the shore.",
        "Satellite images by NASA show the flooded area covered 5,000 square kilometres.",
        "— Officials say 300 people remain missing",
        "Support for 300 families",
        "Originally published in 2005, the study estimated 10,000 deaths.",
        "'Our village needs the help of the army,' the headman said, adding that 200 families"
        " were stranded.",
        "'It can happen to people like you and me,' said Ms Lee, whose house was one of 300"
        " destroyed.",
        "The final death toll stood at 1,034, 13 Jan 2011.",
    ],
)
def test_article_sentences_shaped_like_furniture_stay_text(line: str) -> None:
    assert flag_boilerplate([ARTICLE, line, ARTICLE]) == [False, False, False]


def test_a_pull_quote_is_matched_word_for_word() -> None:
    # "risen to 30" is no part of "risen to 300"
    paragraphs = [
        "Quake toll rises",
        "Officials said on Monday that the toll had risen to 30",
        "Officials said on Monday that the toll had risen to 300 by Tuesday evening, and"
        " more bodies were found.",
        ARTICLE,
    ]
    assert flag_boilerplate(paragraphs) == [False, False, False, False]
