"""Thresholds of the extraction rules, in one place, each with why it is what it is.

Word counts are whitespace-separated words unless a name says tokens; windows in `chars`
are characters of the normalized text. Weights and vocabulary that already live in the data
files (`data/year_scores.json`, `data/doctype_scores.json`, ...) stay there. Changing one of
these changes the records: the accuracy gate (tests/test_eval_gate.py) says whether it helps.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EXTRACT", "ExtractSettings"]


@dataclass(frozen=True)
class ExtractSettings:
    """Word windows, length limits and score thresholds of the extract modules."""

    # Periods and years (periods.py, dates.py, years.py).
    max_range_years: int = 6  # promises run 1-4 years; a wider 'range' is two unrelated years
    short_year_span: int = 4  # '2023–24': a second year written short runs this far at most
    until_window_chars: int = 20  # 'fram till' / 't.o.m.' this close before a point closes it
    agreement_own_window_chars: int = 20  # '2018 års' right before a löfte word: another year's
    not_current_window_chars: int = 25  # 'förra årets 2019' sits right before the year
    subject_words: int = 2  # a year's sentence is about what its first words name
    negative_window_chars: int = 40  # negative context words ('sedan', 'jämfört') just before it
    agreement_lines: int = 5  # an agreement names its period in its first lines
    agreement_line_chars: int = 120  # longer lines are prose, not an agreement's title line

    # Dates (dates.py).
    heading_sentence_words: int = 6  # a dated line ending in '.' with more words is a sentence
    dateline_lines: int = 4  # an article's date stands in its first body lines...
    dateline_chars: int = 40  # ...on a line this short ('2019-03-12', 'Publicerad 12 mars')
    lead_date_lines: int = 16  # ...or opens a lead paragraph this near the top
    updated_window_chars: int = 25  # 'Uppdaterad' this close before a date labels it

    # Signing date (signed.py).
    not_signed_window_chars: int = 30  # 'Publicerad' this close before a date labels it
    not_signed_label_words: int = 4  # a line above this short is a label ('Senast uppdaterad')
    late_signing_month: int = 9  # signed from September on: the promise is for next year
    date_line_chars: int = 45  # 'Kumla den 3 juli 2017': a date line is at most this long

    # Document type and title (doctype.py, metadata.py, segment.py).
    about_mentions: int = 3  # this many 'medborgarlöfte' mentions make a page about them
    about_line_words: int = 6  # a mention on a line this long is prose, not a menu entry
    title_window_chars: int = 800  # a span's title lines and headings stand this near its top
    title_lines: int = 4  # the first body lines that may hold its title
    title_headings: int = 3  # headings near the top that may hold its title
    caption_lines: int = 25  # a photo caption stands in the page's first lines
    agreement_mentions: int = 2  # a page naming an agreement this often (and no löfte) is one
    follow_up_title_words: int = 12  # a title saying promises were followed up is this short
    promise_title_words: int = 8  # 'Medborgarlöfte Kalix 2020': a title is at most this long
    promise_titles: int = 3  # titles looked at for a promise title
    news_titles: int = 2  # titles looked at for a news title
    block_signers: int = 2  # a signature block has at least two signers
    byline_lines: int = 12  # a news byline stands in the first body lines
    news_frame_lines: int = 30  # a dateline or a news breadcrumb stands above the article
    dated_first_lines: int = 3  # a news page's date stands in its first lines...
    dated_line_chars: int = 40  # ...on a line this short
    span_min_body: int = 15  # characters under a heading that make it a promise of its own
    trailing_heading_body: int = 200  # a lone period heading at the foot with less under it...
    trailing_heading_ratio: int = 4  # ...and this many times more above it is a link
    title_heading_chars: tuple[int, int] = (3, 150)  # a heading this long can title a source
    title_block_chars: tuple[int, int] = (8, 100)  # a first block this long can title it too
    title_blocks: int = 3  # the first blocks looked at for a title

    # Kommun (kommun.py): weights of a mention and how near the title it is.
    police_area_window_chars: int = 50  # 'lokalpolisområde' this close before a name claims it
    name_before_chars: int = 30  # the words before a name read for 'Polisen och'
    name_after_chars: int = 40  # the words after a name read for 'kommun', 'och polisen'
    title_offset_chars: int = 300  # a name this near the span's top (furniture left out)...
    title_line_chars: int = 120  # ...on a line this short is in the title
    furniture_offset_chars: int = 2000  # furniture is only subtracted this near the top
    short_title_chars: int = 60  # a title line this short lets an ambiguous name count
    suffix_weight: float = 3  # 'Eslövs kommun': the suffix says it is a kommun
    title_weight: float = 3  # a name in the title is the promise's kommun most likely
    with_police_weight: float = 2  # 'Eslöv och polisen': the pair signing the promise
    heading_weight: float = 5  # the span's own heading names its kommun most surely
    url_weight: float = 4  # the kommun's own domain (www.svalov.se)
    second_kommun_share: float = 0.6  # another kommun is kept when scored this near the top...
    second_kommun_min: float = 4  # ...and at least this much (one title or suffix mention)
    joint_window_chars: int = 30  # 'Tranås och Ydre kommuner': the words around a joint list
    joint_suffix_chars: int = 8  # "s kommun" right after each name of a joint list

    # Signatories (signatories.py).
    direction_window_chars: int = 12  # 'södra' right before a name makes it a region
    title_words: int = 8  # a signatory's title is at most this many words
    name_token_chars: int = 14  # a longer unhyphenated word is a compound noun, not a name
    title_before_chars: int = 60  # a title before a name stands this close
    title_after_chars: int = 120  # a title after a name (elsewhere on the page) this close
    title_head_chars: int = 30  # a title line's title word starts this near its start...
    title_line_words: int = 9  # ...and the line is at most this long
    title_column_chars: int = 20  # side-by-side titles: the first starts this near the left
    name_pair_tokens: tuple[int, int] = (4, 7)  # two names side by side on one line
    contact_line_chars: int = 60  # a phone or e-mail line of a contact box is this short
    inline_pair_chars: int = 90  # 'Anna Berg (S), kommunstyrelsens ordförande' on one line
    capitals_line_letters: int = 4  # a signature line in capitals has at least this many letters
    capitals_line_words: int = 10  # ...and at most this many words (two columns of name or title)

    # Sections (sections.py).
    max_heading_words: int = 12  # a longer line is prose, whatever its style
    following_leadin_words: int = 25  # 'X lovar invånarna följande ...' of this length opens a list
    bold_sentence_words: int = 8  # a heading ending in '.' with this many words is a sentence
    ellipsis_leadin_words: int = 4  # 'Vi lovar...' is this short
    cue_rest_words: int = 3  # a section cue with at most this many words after it heads one
    cue_purpose_words: int = 3  # ... and this many more when they state a purpose ('för att …')
    promise_heading_words: int = 4  # 'Vårt löfte till dig': a short line with a promise word
    long_cue_chars: int = 12  # only cues this long are read inside a lead-in sentence
    goal_noun_words: int = 3  # 'Bland målen för …:' names its goals within its first words
    fronted_adverbial_words: int = 6  # 'Under hela perioden ska polisen': words before the modal
    promise_line_words: int = 6  # 'Kommunen ska införa rutinen …' as a heading: a promise
    area_item_words: int = 8  # 'Polisiär närvaro, trygghet och grannsamverkan': a bare area
    actor_leadin_words: int = 12  # 'Polisen och kommunen lovar att:' is at most this long
    modal_leadin_words: int = 16  # 'Vi ska göra följande under 2022:' is at most this long
    party_title_words: int = 3  # a title naming the parties has at least this many words
    actor_heading_words: int = 5  # 'Polisen och kommunen ska' is at most this long...
    actor_heading_rest: int = 2  # ...with at most this many words that are no actor...
    actor_heading_names: int = 3  # ...or this many words when the rest are names
    joint_heading_words: int = 4  # 'Vi lovar', 'Tillsammans ska vi' is at most this long
    pointer_noun_words: int = 3  # 'Så lyder <the hope / the result>': what a pointer names
    inline_promise_chars: int = 80  # 'Medborgarlöftet innebär att' opens a paragraph
    opening_words: int = 6  # the words of an opening read for 'lovar' or a modal
    item_min_words: int = 2  # a line with fewer words is no item
    verbless_item_words: int = 4  # a shorter line needs a verb to read as an item
    activity_item_words: int = 5  # an activity opening reads as an item from this long
    noise_line_words: int = 8  # a spaced-out line (signature columns) this short is noise

    # Lines (text_units.py).
    numbered_heading_words: int = 5  # '2. Polisen ska genomföra ...' this long is an item

    # Commitments (commitments.py, cues.py, actors.py).
    responsible_gap_chars: int = 4  # an 'Ansvar:' line this close under an item belongs to it
    continuation_gap_chars: int = 3  # a lower-case line this close after an item carries it on
    kommer_att_gap_words: int = 12  # 'kommer <parties> att' is the modal this far apart
    numbered_subheading_words: int = 5  # '3. Trygghet i offentlig miljö' is at most this long
    # A list is announced by a count of its groups ("fem områden"); larger counts are targets.
    max_list_groups: int = 12
    min_commitment_chars: int = 8  # shorter text is a label, not a commitment
    # A sentence this long set twice on a page is one commitment repeated; shorter lines
    # ('Omfattning: Minst 10 tillfällen under året.') recur under each item they describe.
    repeated_sentence_words: int = 8
    goal_item_words: int = 6  # under a promise heading a goal opening this short is a goal
    firm_head_words: int = 4  # the words after the modal that say whether it is soft
    activity_verb_words: int = 6  # a present-tense activity verb stands in the first words
    goal_start_words: int = 14  # 'Ökad trygghet ...' opens a goal line at most this long
    measure_words: int = 3  # 'Att minska andelen': the first words read for a measure
    defining_words: int = 3  # 'Löftet innebär': a defining verb in the first words
    subject_tokens: int = 12  # the subject and its modal stand in the first tokens
    subject_no_modal_tokens: int = 6  # without a modal the subject is in the first tokens
    inverted_subject_tokens: int = 5  # 'Under 2019 ska polisen': tokens after the modal
    both_tokens: int = 12  # 'gemensamt' in the first tokens: both parties act
    marker_window_chars: int = 80  # the words after 'tillsammans med' read for a partner
    marker_window_words: int = 7  # ...up to this many of them
    partner_offset_chars: int = 80  # a partner named this near the start is one
    partner_window_chars: int = 40  # 'tillsammans med' this close before a partner names one

    # Targets (targets.py, target_units.py, numbers.py).
    longest_number_word: int = 40  # no Swedish number word or compound is longer; junk is
    distributive_tokens: int = 8  # 'i varje kommundel' follows a count within these tokens
    approximate_min: int = 10  # 'ett fyrtiotal': '-tal' approximates tens, never 'tretal'
    range_max: int = 1000  # 'två-tre dagar' is a counted range; '2019-2020' is years
    varav_tokens: int = 3  # 'varav minst 20': 'varav' stands this few tokens before a count
    qualifier_window_chars: int = 30  # 'minst', 'cirka' stand this close before a count
    season_tokens: int = 12  # 'varje vår och höst': the second season within these tokens
    unit_tokens: int = 6  # the counted noun stands within these tokens after a count
    period_tokens: int = 10  # the period stands within these tokens after a count
    glued_min_chars: int = 3  # 'tvåmöten': a number word and a noun, each at least this long

    # Goals, follow-up and outcomes (goals.py, follow_up.py, outcomes.py).
    goal_part_words: int = 2  # a part of a goal split at 'och' needs this many words
    passive_past_chars: int = 6  # 'genomfördes': a longer word in -des is a passive past
    follow_up_gap_chars: int = 400  # a follow-up sentence further away is another plan
    section_line_words: int = 8  # a short line without a full stop opens a section ('Resultat:')
    unit_words: int = 3  # words after a number that may name what was counted
    actor_words: int = 6  # how far into a sentence its doer may stand
    outcome_min_words: int = 2  # a shorter piece reports nothing
    outcome_unit_words: int = 2  # a counted unit is at most this many words ('fyra stycken ...')
    year_range: tuple[int, int] = (1900, 2100)  # a number in this range is a year, not a count


EXTRACT = ExtractSettings()
