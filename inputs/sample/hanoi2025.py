"""The bundled sample: the Signing Ceremony of the UN Convention against
Cybercrime, Hanoi, 25-26 October 2025.

Built from ``shared/hanoi2025/facts.md``. Sourced anchors: the dates, the
National Convention Centre (NCC), the 09:00 opening, Viet Nam signing
first, 72 signatories (64 on day one), the Secretary-General present on
25 October only, the banquet hosted by the President, the day-two side-event
slots, 8 high-level discussions, 32 workshops, 20+ exhibitions, the
Minister of Public Security's series of bilaterals, the rank mix of about
110 states and 15 organisations. Everything else (room codes and sizes,
exact times, which states sign or speak, bilateral requests, arrival
windows, security windows) is an assumption, listed in ``NOTES``.

Head names: real names only where the sources name the person; otherwise
a role title ("Minister of Interior (Kenya)"), never an invented name.
Choices that need variety (which states sign, speak or meet) come from a
seeded random generator, so the sample is the same on every machine.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from models import (
    Arrival,
    BilateralRequest,
    Delegation,
    Event,
    Person,
    Rank,
    Room,
    Scenario,
    SecurityWindow,
    Sequence,
    SequenceMember,
    Settings,
    Slot,
    Travel,
    Venue,
    parse_scope,
)

D1, D2 = date(2025, 10, 25), date(2025, 10, 26)
EVENT_NAME = (
    "Signing Ceremony of the UN Convention against Cybercrime "
    "(Hanoi Convention)"
)


def at(day: date, hm: str) -> datetime:
    h, m = map(int, hm.split(":"))
    return datetime.combine(day, time(h, m))


RANKS = (
    Rank("HOS", "Head of State", 1, 60),
    Rank("UNSG", "UN Secretary-General", 2, 60),
    Rank("VP", "Vice-President / Crown Prince", 3, 45),
    Rank("HOG", "Head of Government", 4, 60),
    Rank("DPM", "Deputy Prime Minister", 5, 30),
    Rank("FM", "Foreign Minister", 6, 25),
    Rank("MIN", "Minister", 7, 20),
    Rank("VMIN", "Vice-Minister", 8, 15),
    Rank("AMB", "Ambassador / Permanent Representative", 9, 15),
    Rank("IOH", "Head of an International Organisation", 10, 20),
    Rank("OFF", "Senior Official", 11, 15),
)

# ISO 3166 alpha-3, English short name, region (A Asia-Pacific, F Africa,
# E EU member, L Latin America and Caribbean, O other)
STATES = [
    ("LAO", "Lao People's Democratic Republic", "A"),
    ("KHM", "Cambodia", "A"),
    ("THA", "Thailand", "A"),
    ("IDN", "Indonesia", "A"),
    ("MYS", "Malaysia", "A"),
    ("PHL", "Philippines", "A"),
    ("SGP", "Singapore", "A"),
    ("BRN", "Brunei Darussalam", "A"),
    ("MMR", "Myanmar", "A"),
    ("CHN", "China", "A"),
    ("JPN", "Japan", "A"),
    ("KOR", "Republic of Korea", "A"),
    ("IND", "India", "A"),
    ("PAK", "Pakistan", "A"),
    ("BGD", "Bangladesh", "A"),
    ("LKA", "Sri Lanka", "A"),
    ("NPL", "Nepal", "A"),
    ("MNG", "Mongolia", "A"),
    ("KAZ", "Kazakhstan", "A"),
    ("UZB", "Uzbekistan", "A"),
    ("IRN", "Iran (Islamic Republic of)", "A"),
    ("IRQ", "Iraq", "A"),
    ("SAU", "Saudi Arabia", "A"),
    ("ARE", "United Arab Emirates", "A"),
    ("QAT", "Qatar", "A"),
    ("KWT", "Kuwait", "A"),
    ("OMN", "Oman", "A"),
    ("JOR", "Jordan", "A"),
    ("TLS", "Timor-Leste", "A"),
    ("EGY", "Egypt", "F"),
    ("NGA", "Nigeria", "F"),
    ("KEN", "Kenya", "F"),
    ("ZAF", "South Africa", "F"),
    ("ETH", "Ethiopia", "F"),
    ("GHA", "Ghana", "F"),
    ("SEN", "Senegal", "F"),
    ("CIV", "Côte d'Ivoire", "F"),
    ("CMR", "Cameroon", "F"),
    ("TZA", "United Republic of Tanzania", "F"),
    ("UGA", "Uganda", "F"),
    ("RWA", "Rwanda", "F"),
    ("MAR", "Morocco", "F"),
    ("DZA", "Algeria", "F"),
    ("TUN", "Tunisia", "F"),
    ("AGO", "Angola", "F"),
    ("MOZ", "Mozambique", "F"),
    ("ZMB", "Zambia", "F"),
    ("ZWE", "Zimbabwe", "F"),
    ("NAM", "Namibia", "F"),
    ("BWA", "Botswana", "F"),
    ("MLI", "Mali", "F"),
    ("BFA", "Burkina Faso", "F"),
    ("GAB", "Gabon", "F"),
    ("MUS", "Mauritius", "F"),
    ("BEN", "Benin", "F"),
    ("TGO", "Togo", "F"),
    ("SLE", "Sierra Leone", "F"),
    ("AUT", "Austria", "E"),
    ("BEL", "Belgium", "E"),
    ("BGR", "Bulgaria", "E"),
    ("HRV", "Croatia", "E"),
    ("CYP", "Cyprus", "E"),
    ("CZE", "Czechia", "E"),
    ("DNK", "Denmark", "E"),
    ("EST", "Estonia", "E"),
    ("FIN", "Finland", "E"),
    ("FRA", "France", "E"),
    ("DEU", "Germany", "E"),
    ("GRC", "Greece", "E"),
    ("HUN", "Hungary", "E"),
    ("IRL", "Ireland", "E"),
    ("ITA", "Italy", "E"),
    ("LVA", "Latvia", "E"),
    ("LTU", "Lithuania", "E"),
    ("LUX", "Luxembourg", "E"),
    ("MLT", "Malta", "E"),
    ("NLD", "Netherlands (Kingdom of the)", "E"),
    ("POL", "Poland", "E"),
    ("PRT", "Portugal", "E"),
    ("ROU", "Romania", "E"),
    ("SVK", "Slovakia", "E"),
    ("SVN", "Slovenia", "E"),
    ("ESP", "Spain", "E"),
    ("SWE", "Sweden", "E"),
    ("ARG", "Argentina", "L"),
    ("BRA", "Brazil", "L"),
    ("CHL", "Chile", "L"),
    ("COL", "Colombia", "L"),
    ("MEX", "Mexico", "L"),
    ("PER", "Peru", "L"),
    ("URY", "Uruguay", "L"),
    ("PRY", "Paraguay", "L"),
    ("BOL", "Bolivia (Plurinational State of)", "L"),
    ("ECU", "Ecuador", "L"),
    ("CUB", "Cuba", "L"),
    ("DOM", "Dominican Republic", "L"),
    ("PAN", "Panama", "L"),
    ("CRI", "Costa Rica", "L"),
    ("GTM", "Guatemala", "L"),
    ("RUS", "Russian Federation", "O"),
    ("BLR", "Belarus", "O"),
    ("GBR", "United Kingdom of Great Britain and Northern Ireland", "O"),
    ("NOR", "Norway", "O"),
    ("CHE", "Switzerland", "O"),
    ("AUS", "Australia", "O"),
    ("NZL", "New Zealand", "O"),
    ("CAN", "Canada", "O"),
    ("SRB", "Serbia", "O"),
    ("ARM", "Armenia", "O"),
    ("GEO", "Georgia", "O"),
    ("AZE", "Azerbaijan", "O"),
    ("TUR", "Türkiye", "O"),
    ("ISL", "Iceland", "O"),
]

ORGANISATIONS = [
    (
        "UNODC",
        "United Nations Office on Drugs and Crime",
        "Ghada Waly, Executive Director",
    ),
    ("INTERPOL", "INTERPOL", "Secretary General of INTERPOL"),
    ("EU", "European Union", "Head of the EU delegation"),
    ("ASEAN", "ASEAN Secretariat", "Secretary-General of ASEAN"),
    ("AU", "African Union Commission", "Commissioner of the African Union"),
    ("OSCE", "OSCE", "Secretary General of the OSCE"),
    ("COE", "Council of Europe", "Secretary General of the Council of Europe"),
    (
        "ITU",
        "International Telecommunication Union",
        "Secretary-General of the ITU",
    ),
    ("UNDP", "United Nations Development Programme", "Administrator of UNDP"),
    ("UNICEF", "UNICEF", "Deputy Executive Director of UNICEF"),
    ("WB", "World Bank Group", "Vice-President of the World Bank"),
    ("ASEANAPOL", "ASEANAPOL", "Executive Director of ASEANAPOL"),
    ("AFRIPOL", "AFRIPOL", "Executive Director of AFRIPOL"),
    ("OAS", "Organization of American States", "Secretary General of the OAS"),
    (
        "UNOCT",
        "UN Office of Counter-Terrorism",
        "Under-Secretary-General for Counter-Terrorism",
    ),
]

# head ranks of the 110 states (facts §6): 4 HOS, 2 VP, 3 HOG, 8 DPM,
# 10 FM, 45 MIN, 18 VMIN, 20 AMB, in the order of ``STATES`` after a
# seeded shuffle, with the sourced ones fixed
FIXED_HEADS = {
    "LAO": ("HOS", "Thongloun Sisoulith, General Secretary and President"),
    "POL": (
        "DPM",
        "Krzysztof Gawkowski, Deputy Prime Minister and Minister "
        "of Digital Affairs",
    ),
    "BLR": ("MIN", "Minister of Internal Affairs (Belarus)"),
}
RANK_COUNTS = [
    ("HOS", 4),
    ("VP", 2),
    ("HOG", 3),
    ("DPM", 8),
    ("FM", 10),
    ("MIN", 45),
    ("VMIN", 18),
    ("AMB", 20),
]
ROLE = {
    "HOS": "President",
    "VP": "Vice-President",
    "HOG": "Prime Minister",
    "DPM": "Deputy Prime Minister",
    "FM": "Minister of Foreign Affairs",
    "VMIN": "Deputy Minister of Public Security",
    "AMB": "Ambassador",
}
MIN_ROLES = [
    "Minister of Interior",
    "Minister of Justice",
    "Minister of Public Security",
    "Minister of Digital Affairs",
    "Minister of Information and Communications",
]

SIDE_SLOTS = [
    ("09:00", "10:15"),
    ("12:00", "13:15"),
    ("13:30", "14:45"),
    ("15:00", "16:15"),
]
TRACKS = [
    "capacity-building",
    "e-evidence",
    "cooperation",
    "ai-and-crime",
    "child-protection",
    "ransomware",
]

NOTES = [
    (
        "Dates and venue",
        "25-26 Oct 2025, National Convention Centre (NCC), Hanoi",
        "[S]",
        "https://vietnam.vnanet.vn/english/tin-van/signing-"
        "ceremony-of-un-convention-against-cybercrime-to-open-in-hanoi-today-"
        "412565.html",
    ),
    ("Opening", "09:00 on 25 Oct", "[S]", "vnanet (above)"),
    (
        "Order of signature",
        "Viet Nam signs first; 64 signatures on 25 Oct, 72 in total",
        "[S]",
        "https://en.cand.com.vn/politics/highlights-of-"
        "the-signing-ceremony-of-the-hanoi-convention-i606865",
    ),
    (
        "Regional mix of signatories",
        "19 Asian, 21 African, 19 EU, 12 Latin American, 1 other",
        "[S]",
        "cand.com.vn (above)",
    ),
    (
        "Secretary-General",
        "Present on 25 Oct only, leaving at 17:30",
        "[S] date, [A] time",
        "https://vietnamnews.vn/politics-laws/1728140/un-"
        "secretary-general-concludes-official-visit-to-viet-nam.html",
    ),
    (
        "Delegations",
        "110 states and 15 organisations; rank mix 4 HOS, 2 VP,"
        " 3 HOG, 8 DPM, 10 FM, 45 MIN, 18 VMIN, 20 AMB",
        "[S] totals, [A] mix",
        "facts §6",
    ),
    (
        "Head names",
        "Real names only where sources name them (Lao President,"
        " Polish Deputy PM, UNODC Executive Director); otherwise role titles",
        "[S]/[A]",
        "baoquocte reception page",
    ),
    (
        "Side programme",
        "8 high-level discussions, 32 workshops, 22 exhibitions",
        "[S]",
        "https://vietnamnews.vn/society/1727247/",
    ),
    (
        "Side-event slots",
        "26 Oct 09:00-10:15, 12:00-13:15, 13:30-14:45 [S]; 15:00-16:15 [A]",
        "[S]/[A]",
        "https://hanoiconvention.org/guidelines/",
    ),
    (
        "Rooms",
        "PLEN 3,500, BANQ 800, 7 halls 400-700, 20 meeting rooms "
        "60-120, 8 bilateral suites, villas, hold rooms, press rooms, EXPO 25 "
        "booths",
        "[S] totals, [A] codes and sizes",
        "facts §2",
    ),
    (
        "Times of the programme",
        "Welcome 07:30, photo 08:30, signing 10:30, "
        "plenary 14:00, banquet 19:00; day 2 plenary 09:00, closing, press "
        "conference",
        "[A]",
        "facts §3 (anchors [S])",
    ),
    (
        "Bilateral requests",
        "About 150: President at the Presidential "
        "Palace, PM at the Government Office, Minister of Public Security "
        "with counterparts, SG on 25 Oct, visiting delegations among "
        "themselves",
        "[A]",
        "facts §1.2, §4.4",
    ),
    (
        "Travel times",
        "NCC-Palace 20, NCC-Government Office 20, Noi Bai-NCC "
        "45 min (escorted)",
        "[A]",
        "facts §4.6",
    ),
    (
        "Security windows",
        "PLEN sweeps 07:00-08:30 daily, a bilateral suite "
        "closed for a sweep, motorcade no-arrival windows at Noi Bai",
        "[A]",
        "facts §4.5-4.6",
    ),
    (
        "Security coordination meeting",
        "Host services meet 25 Oct before the welcome ceremony;"
        " restricted: left out of public exports",
        "[A]",
        "facts §4.5",
    ),
    (
        "Welcome line",
        "Reverse precedence, 15-60 s a head by rank",
        "[A]",
        "facts §4.3, §5",
    ),
]


def _heads(rng: random.Random) -> dict[str, tuple[str, str]]:
    pool = [iso for iso, _, _ in STATES if iso not in FIXED_HEADS]
    rng.shuffle(pool)
    counts = dict(RANK_COUNTS)
    for rank, _ in FIXED_HEADS.values():
        counts[rank] -= 1
    counts["AMB"] += len(pool) - sum(counts.values())  # the rest
    out = dict(FIXED_HEADS)
    names = {iso: name for iso, name, _ in STATES}
    k = 0
    for rank, n in counts.items():
        for _ in range(n):
            iso = pool[k]
            k += 1
            if rank == "MIN":
                role = MIN_ROLES[k % len(MIN_ROLES)]
            else:
                role = ROLE[rank]
            out[iso] = (rank, f"{role} ({names[iso]})")
    return out


def build_hanoi_scenario() -> Scenario:
    """The Hanoi 2025 sample scenario (deterministic)."""
    rng = random.Random(2025)
    settings = Settings(
        event_name=EVENT_NAME,
        days=(D1, D2),
        day_start=time(7, 0),
        day_end=time(21, 30),
        timezone="Asia/Ho_Chi_Minh",
        time_step_minutes=5,
        room_changeover_minutes=10,
        same_venue_buffer_minutes=5,
        vip_rank="HOG",
        vip_sweep_minutes=30,
        precedence_tiebreak="alphabetical",
    )
    venues = (
        Venue("NCC", "National Convention Centre"),
        Venue("PP", "Presidential Palace"),
        Venue("GO", "Government Office"),
        Venue("NOIBAI", "Noi Bai International Airport, VIP terminal"),
    )
    travel = (
        Travel("NCC", "PP", 20),
        Travel("NCC", "GO", 20),
        Travel("PP", "GO", 10),
        Travel("NOIBAI", "NCC", 45),
        Travel("NOIBAI", "PP", 50),
        Travel("NOIBAI", "GO", 50),
    )
    rooms = _rooms()
    heads = _heads(rng)
    region = {iso: reg for iso, _, reg in STATES}
    dels = [
        Delegation(
            "VNM",
            "Viet Nam",
            "host",
            "Luong Cuong, President",
            "HOS",
            size=30,
            confirmed_on=date(2025, 5, 1),
        ),
        Delegation(
            "UN",
            "United Nations",
            "organization",
            "António Guterres, Secretary-General",
            "UNSG",
            size=12,
            confirmed_on=date(2025, 9, 1),
            available_from=at(D1, "07:00"),
            available_to=at(D1, "17:30"),
        ),
    ]
    late = {"ISL", "TLS", "GTM", "SLE"}  # not yet confirmed
    leave_early = {"JPN", "DEU", "BRA", "NGA", "AUS"}
    come_late = {"CAN", "MEX", "ZAF"}
    for k, (iso, name, _) in enumerate(STATES):
        rank, head = heads[iso]
        big = rank in ("HOS", "VP", "HOG")
        dels.append(
            Delegation(
                iso,
                name,
                "state",
                head,
                rank,
                head_since=date(2016 + k % 9, 1 + k % 12, 1 + k % 27)
                if rank in ("HOS", "VP", "HOG")
                else None,
                size=rng.randint(10, 30) if big else rng.randint(3, 8),
                confirmed=iso not in late,
                confirmed_on=date(2025, 9, 1) + timedelta(days=(k * 7) % 50),
                available_from=at(D1, "12:00") if iso in come_late else None,
                available_to=at(D2, "12:00") if iso in leave_early else None,
            )
        )
    for k, (oid, name, head) in enumerate(ORGANISATIONS):
        dels.append(
            Delegation(
                oid,
                name,
                "organization",
                head,
                "IOH",
                size=rng.randint(2, 6),
                confirmed_on=date(2025, 9, 10 + k),
            )
        )
    people = (
        Person(
            "VNM-PM",
            "Pham Minh Chinh, Prime Minister",
            "VNM",
            "HOG",
            max_items_per_day=8,
        ),
        Person(
            "VNM-DPM",
            "Bui Thanh Son, Deputy Prime Minister and "
            "Minister of Foreign Affairs",
            "VNM",
            "DPM",
            max_items_per_day=8,
        ),
        Person(
            "VNM-MPS",
            "Gen. Luong Tam Quang, Minister of Public Security",
            "VNM",
            "MIN",
            max_items_per_day=12,
        ),
        Person(
            "VNM-DMPS",
            "Pham The Tung, Deputy Minister of Public Security",
            "VNM",
            "VMIN",
        ),
        Person(
            "VNM-DFM",
            "Nguyen Minh Vu, Permanent Deputy Minister of Foreign Affairs",
            "VNM",
            "VMIN",
        ),
        Person("VNM-GR1", "Protocol greeter 1 (Vice-Minister)", "VNM", "OFF"),
        Person("VNM-GR2", "Protocol greeter 2 (Vice-Minister)", "VNM", "OFF"),
        Person(
            "VNM-GR3",
            "Protocol greeter 3 (Director of Protocol)",
            "VNM",
            "OFF",
        ),
    )
    confirmed = [d for d in dels if d.confirmed]
    by_rank: dict[str, list[str]] = {}
    for d in dels[2:]:
        if d.kind == "state" and d.confirmed:
            by_rank.setdefault(d.head_rank, []).append(d.delegation_id)
    orgs = [o for o, _, _ in ORGANISATIONS]
    events, slots = _programme(rng, by_rank, orgs)
    sequences, members = _queues(rng, confirmed, by_rank, region)
    bilaterals = _bilaterals(rng, by_rank)
    arrivals = _arrivals(rng, by_rank)
    windows = _windows()
    return Scenario(
        settings=settings,
        ranks=RANKS,
        venues=venues,
        travel=travel,
        rooms=rooms,
        delegations=tuple(dels),
        people=people,
        events=tuple(events),
        slots=tuple(slots),
        bilaterals=tuple(bilaterals),
        arrivals=tuple(arrivals),
        sequences=tuple(sequences),
        members=tuple(members),
        windows=tuple(windows),
        source="hanoi2025 (bundled sample)",
    )


def _room(rid, name, venue, kind, cap, feats=()):
    return Room(rid, name, venue, kind, cap, frozenset(feats))


def _rooms() -> tuple[Room, ...]:
    hall_feats = ("interpretation", "av")
    rooms = [
        _room(
            "PLEN",
            "Main Plenary Hall",
            "NCC",
            "plenary",
            3500,
            ("interpretation", "flags", "vip", "press", "av", "signing"),
        ),
        _room(
            "BANQ",
            "Grand Banquet Hall",
            "NCC",
            "banquet",
            800,
            ("catering", "stage", "vip"),
        ),
        _room("H1", "Hall 1", "NCC", "hall", 700, (*hall_feats, "flags")),
        _room("H2", "Hall 2", "NCC", "hall", 600, (*hall_feats, "flags")),
        _room("H3", "Hall 3", "NCC", "hall", 500, hall_feats),
        _room("H4", "Hall 4", "NCC", "hall", 500, hall_feats),
        _room("H5", "Hall 5", "NCC", "hall", 450, hall_feats),
        _room("H6", "Hall 6", "NCC", "hall", 400, ("av",)),
        _room("H7", "Hall 7", "NCC", "hall", 400, ("av",)),
    ]
    sizes = [
        60,
        60,
        80,
        80,
        80,
        100,
        100,
        100,
        100,
        100,
        100,
        100,
        100,
        100,
        120,
        120,
        120,
        120,
        60,
        80,
    ]
    for k, cap in enumerate(sizes, start=1):
        feats = ("av", "interpretation") if k in (15, 16) else ("av",)
        rooms.append(
            _room(
                f"MR{k:02d}", f"Meeting room {k}", "NCC", "meeting", cap, feats
            )
        )
    for k in range(1, 9):
        rooms.append(
            _room(
                f"BL{k:02d}",
                f"Bilateral suite {k}",
                "NCC",
                "bilateral",
                20,
                ("flags", "vip"),
            )
        )
    for k in range(1, 4):
        rooms.append(
            _room(
                f"VILLA{k}",
                f"NCC villa {k}",
                "NCC",
                "bilateral",
                20,
                ("flags", "vip", "separate-access"),
            )
        )
    rooms += [
        _room("VIP1", "Leaders' Lounge", "NCC", "hold", 150, ("vip",)),
        _room("VIP2", "Hold room 2", "NCC", "hold", 15, ("vip",)),
        _room("VIP3", "Hold room 3", "NCC", "hold", 15, ("vip",)),
        _room("PORTE", "VIP porte-cochère", "NCC", "hold", 150, ("vip",)),
        _room(
            "PHOTO",
            "Group-photo stage, main lobby",
            "NCC",
            "hold",
            200,
            ("risers",),
        ),
        _room(
            "PRESS-BR",
            "Press Briefing Hall",
            "NCC",
            "press",
            250,
            ("interpretation", "podium"),
        ),
        _room(
            "PRESS-WA", "Media work area", "NCC", "press", 400, ("network",)
        ),
        _room(
            "EXPO",
            "Exhibition foyer",
            "NCC",
            "exhibition",
            25,
            ("power", "network"),
        ),
        _room(
            "PP-R1",
            "Palace reception room 1",
            "PP",
            "bilateral",
            24,
            ("flags", "vip"),
        ),
        _room(
            "PP-R2",
            "Palace reception room 2",
            "PP",
            "bilateral",
            24,
            ("flags", "vip"),
        ),
        _room(
            "GO-R1",
            "Government Office meeting room 1",
            "GO",
            "bilateral",
            24,
            ("flags", "vip"),
        ),
        _room(
            "GO-R2",
            "Government Office meeting room 2",
            "GO",
            "bilateral",
            24,
            ("flags", "vip"),
        ),
        _room(
            "VIPT-A", "Noi Bai VIP terminal, gate A", "NOIBAI", "arrival", 40
        ),
        _room(
            "VIPT-B", "Noi Bai VIP terminal, gate B", "NOIBAI", "arrival", 40
        ),
    ]
    return tuple(rooms)


def _programme(rng, by_rank, orgs):
    ev = []
    E = Event
    ev += [
        E(
            "WELCOME",
            "Official welcome ceremony for heads of delegation",
            "ceremony",
            55,
            150,
            rooms=("VIP1",),
            fixed_start=at(D1, "07:30"),
            participants=("VNM",),
            all_heads=True,
            mandatory=True,
        ),
        E(
            "PHOTO",
            "Group photo of heads of delegation",
            "ceremony",
            15,
            200,
            rooms=("PHOTO",),
            fixed_start=at(D1, "08:30"),
            participants=("VNM",),
            all_heads=True,
            mandatory=True,
        ),
        E(
            "OPENING",
            "Opening session",
            "ceremony",
            60,
            3000,
            rooms=("PLEN",),
            fixed_start=at(D1, "09:00"),
            participants=("VNM", "UN", "VNM-PM", "UNODC"),
            all_heads=True,
            mandatory=True,
        ),
        E(
            "SIGNING",
            "Signing ceremony (order of signature)",
            "ceremony",
            100,
            3000,
            rooms=("PLEN",),
            fixed_start=at(D1, "10:30"),
            participants=("VNM", "UN"),
            all_heads=True,
            after=("OPENING",),
            mandatory=True,
        ),
        E(
            "PRESSBRIEF",
            "Press briefing by the Prime Minister and the Secretary-General",
            "press",
            30,
            200,
            rooms=("PRESS-BR",),
            earliest=at(D1, "12:15"),
            latest=at(D1, "14:00"),
            participants=("VNM-PM", "UN"),
            mandatory=True,
        ),
        E(
            "PLENARY1",
            "Plenary: national statements (25 Oct)",
            "plenary",
            210,
            2500,
            rooms=("PLEN",),
            fixed_start=at(D1, "14:00"),
            participants=("VNM-PM",),
            mandatory=True,
        ),
        E(
            "BANQUET",
            "State banquet hosted by the President",
            "reception",
            120,
            800,
            fixed_start=at(D1, "19:00"),
            participants=("VNM",),
            all_heads=True,
            mandatory=True,
        ),
        E(
            "PLENARY2",
            "Plenary: national statements (26 Oct)",
            "plenary",
            420,
            2000,
            rooms=("PLEN",),
            fixed_start=at(D2, "09:00"),
            participants=("VNM-DPM",),
            mandatory=True,
        ),
        E(
            "SIGNING2",
            "Signing ceremony (26 Oct)",
            "ceremony",
            20,
            200,
            rooms=("H1",),
            earliest=at(D2, "10:00"),
            latest=at(D2, "17:00"),
            participants=("VNM-DFM",),
            mandatory=True,
        ),
        E(
            "CLOSING",
            "Closing session: remarks by the Minister of Public Security",
            "plenary",
            45,
            1500,
            rooms=("PLEN",),
            earliest=at(D2, "16:10"),
            latest=at(D2, "17:30"),
            participants=("VNM-MPS",),
            after=("PLENARY2",),
            mandatory=True,
        ),
        E(
            "PRESSCONF",
            "International press conference",
            "press",
            60,
            250,
            rooms=("PRESS-BR",),
            earliest=at(D2, "17:00"),
            latest=at(D2, "19:30"),
            participants=("VNM-DMPS", "VNM-DFM"),
            after=("CLOSING",),
            mandatory=True,
        ),
        E(
            "SECBRIEF",
            "Security coordination meeting of the host services",
            "other",
            30,
            20,
            rooms=("MR01", "MR02", "MR03"),
            earliest=at(D1, "07:00"),
            latest=at(D1, "08:45"),
            participants=("VNM-MPS", "VNM-DMPS"),
            mandatory=True,
            restricted=True,
        ),
    ]
    ministers = by_rank["MIN"] + by_rank["FM"]
    juniors = by_rank["VMIN"] + by_rank["AMB"] + orgs
    topics = [
        ("Countering cybercrime: sharing responsibility", D1),
        ("Electronic evidence across borders", D1),
        ("Protecting children online", D1),
        ("Capacity building for developing countries", D2),
        ("Artificial intelligence and new forms of crime", D2),
        ("Ransomware and critical infrastructure", D2),
        ("Public-private cooperation against online fraud", D2),
        ("Implementing the Convention: the road ahead", D2),
    ]
    for k, (title, day) in enumerate(topics, start=1):
        speakers = tuple(rng.sample(ministers, 3))
        if k in (1, 4):
            speakers += ("VNM-MPS",)
        lo, hi = ("14:00", "18:30") if day == D1 else ("09:00", "18:00")
        ev.append(
            E(
                f"HLD{k}",
                f"High-level discussion: {title}",
                "discussion",
                90,
                rng.choice([300, 400, 500, 600]),
                required_features=("flags", "interpretation"),
                earliest=at(day, lo),
                latest=at(day, hi),
                participants=speakers,
                track=TRACKS[k % len(TRACKS)],
                priority=5 if k <= 3 else 4,
                organizer="UNODC",
            )
        )
    ws_titles = [
        "Cyber forensics labs",
        "Mutual legal assistance 2.0",
        "24/7 contact networks",
        "Crypto-asset tracing",
        "Victim support online",
        "Cybercrime statistics",
        "Judicial training",
        "Cloud evidence requests",
        "Online child sexual exploitation",
        "Dark-web marketplaces",
        "Deepfakes and fraud",
        "Ransomware negotiation",
        "Critical infrastructure drills",
        "SME cyber hygiene",
        "Women in cyber policing",
        "Youth and online radicalisation",
        "Cross-border data preservation",
        "Money mules",
        "Telecom fraud in Southeast Asia",
        "Regional CERT cooperation",
        "Model laws and the Convention",
        "Safeguards and human rights",
        "Capacity needs of small islands",
        "AI for investigators",
        "Election infrastructure",
        "Phishing-as-a-service",
        "Digital identity theft",
        "Financial intelligence units",
        "Open-source intelligence",
        "Botnet takedowns",
        "Undersea cables and crime",
        "Technical assistance roadmap",
    ]
    for k, title in enumerate(ws_titles, start=1):
        interp = k % 5 in (0, 2)
        ev.append(
            E(
                f"WS{k:02d}",
                f"Workshop: {title}",
                "workshop",
                60,
                rng.choice([40, 60, 80, 100, 150, 250])
                if not interp
                else rng.choice([150, 250, 350]),
                required_features=("interpretation",) if interp else (),
                slot_set="DAY2",
                participants=tuple(rng.sample(juniors, 2)),
                track=TRACKS[k % len(TRACKS)],
                priority=rng.choice([1, 2, 3, 3, 4, 5]),
                organizer=rng.choice(orgs),
            )
        )
    exhibits = [
        ("VNA photo exhibition: Viet Nam and the Convention", 4, D1),
        ("United Nations technology exhibition space", 4, D1),
    ] + [
        (
            f"Exhibition booth: {t}",
            rng.choice([1, 1, 2, 2, 3]),
            rng.choice([D1, D2, None]),
        )
        for t in [
            "Cyber police of Viet Nam",
            "ASEAN cyber centre",
            "INTERPOL innovation",
            "EU cyber resilience",
            "Digital forensics vendors",
            "Child online safety",
            "Telecom operators",
            "Banking security",
            "AI research institutes",
            "National CERT",
            "Academic cyber programmes",
            "Open-source tools",
            "Secure messaging",
            "Smart city security",
            "Cloud providers",
            "Cyber insurance",
            "Blockchain analytics",
            "Youth hackathon",
            "Civil society coalition",
            "Legal tech",
        ]
    ]
    for k, (title, units, day) in enumerate(exhibits, start=1):
        ev.append(
            E(
                f"EX{k:02d}",
                title,
                "exhibition",
                540,
                units,
                earliest=at(D1, "08:30"),
                latest=at(D2, "18:00"),
                preferred_day=day,
                priority=4 if k <= 2 else rng.choice([1, 2, 3]),
                mandatory=k <= 2,
            )
        )
    slots = [Slot("DAY2", at(D2, a), at(D2, b)) for a, b in SIDE_SLOTS]
    return ev, slots


def _queues(rng, confirmed, by_rank, region):
    seqs = [
        Sequence(
            "WL",
            "Welcome line",
            "PORTE",
            "reverse_precedence",
            20,
            within_event="WELCOME",
        ),
        Sequence(
            "SIGN1",
            "Order of signature (25 Oct)",
            "PLEN",
            "precedence",
            90,
            within_event="SIGNING",
        ),
        Sequence(
            "SIGN2",
            "Order of signature (26 Oct)",
            "H1",
            "precedence",
            90,
            within_event="SIGNING2",
        ),
        Sequence(
            "SPK1",
            "Speakers list (25 Oct)",
            "PLEN",
            "precedence",
            600,
            within_event="PLENARY1",
        ),
        Sequence(
            "SPK2",
            "Speakers list (26 Oct)",
            "PLEN",
            "precedence",
            480,
            within_event="PLENARY2",
        ),
    ]
    members = [
        SequenceMember("WL", d.delegation_id)
        for d in confirmed
        if d.delegation_id != "VNM"
    ]
    # 72 signatories: 19 Asian (Viet Nam included), 21 African, 19 EU,
    # 12 Latin American, 1 other; 64 on 25 Oct, 8 on 26 Oct
    states = [d for d in confirmed if d.kind == "state"]
    pick = []
    for reg, n in (("A", 18), ("F", 21), ("E", 19), ("L", 12), ("O", 1)):
        pool = sorted(
            d.delegation_id
            for d in states
            if region.get(d.delegation_id) == reg
        )
        pick += rng.sample(pool, min(n, len(pool)))
    rng.shuffle(pick)
    members.append(SequenceMember("SIGN1", "VNM", position=1, mandatory=True))
    members += [SequenceMember("SIGN1", d) for d in pick[:63]]
    members += [SequenceMember("SIGN2", d) for d in pick[63:]]
    high = by_rank["HOS"] + by_rank["VP"] + by_rank["HOG"] + by_rank["DPM"]
    spk1 = high + rng.sample(by_rank["FM"], 19 - len(high))
    members += [SequenceMember("SPK1", d) for d in spk1]
    rest = [d for d in by_rank["FM"] + by_rank["MIN"] if d not in spk1]
    members += [SequenceMember("SPK2", d) for d in rest[:52]]
    return seqs, members


def _bilaterals(rng, by_rank):
    out = []

    def add(a, b, **kw):
        out.append(BilateralRequest(f"BL{len(out) + 1:03d}", a, b, **kw))

    leaders = by_rank["HOS"] + by_rank["VP"] + by_rank["HOG"]
    for d in leaders + rng.sample(by_rank["DPM"], 3):
        add(
            "VNM",
            d,
            venue_id="PP",
            priority=5,
            earliest=at(D1, "12:15"),
            latest=at(D2, "18:00"),
        )
    for d in by_rank["DPM"] + rng.sample(by_rank["FM"], 6):
        add("VNM-PM", d, venue_id="GO", priority=4, duration_minutes=30)
    for d in rng.sample(by_rank["MIN"] + by_rank["VMIN"], 30):
        add(
            "VNM-MPS",
            d,
            priority=rng.choice([3, 3, 4]),
            duration_minutes=rng.choice([30, 40]),
            earliest=at(D1, "12:15") if len(out) % 3 == 0 else at(D2, "07:00"),
        )
    for d in rng.sample(by_rank["FM"], 8):
        add("VNM-DPM", d, priority=4, duration_minutes=30)
    for d in leaders + rng.sample(by_rank["DPM"] + by_rank["FM"], 6):
        add(
            "UN",
            d,
            priority=rng.choice([4, 5]),
            duration_minutes=25,
            earliest=at(D1, "12:15"),
            latest=at(D1, "17:30"),
        )
    states = sorted({d for ds in by_rank.values() for d in ds})
    pairs = set()
    while len(pairs) < 70:
        a, b = rng.sample(states, 2)
        pairs.add(tuple(sorted((a, b))))
    for a, b in sorted(pairs):
        add(
            a,
            b,
            priority=rng.choice([1, 2, 2, 3]),
            duration_minutes=rng.choice([20, 30]),
        )
    return out


def _arrivals(rng, by_rank):
    late = rng.sample(by_rank["MIN"] + by_rank["VMIN"] + by_rank["AMB"], 12)
    windows = (
        [(D1, "07:00", "08:00")] * 4
        + [(D1, "11:00", "12:30")] * 3
        + [(D1, "15:00", "16:30")] * 2
        + [(D2, "07:00", "08:30")] * 3
    )
    greeters = ["VNM-GR1", "VNM-GR2", "VNM-GR3"]
    return [
        Arrival(d, at(day, a), at(day, b), greeter=greeters[k % len(greeters)])
        for k, (d, (day, a, b)) in enumerate(zip(late, windows, strict=True))
    ]


def _windows():
    sc = parse_scope
    return [
        SecurityWindow(
            "W1",
            at(D1, "07:00"),
            at(D1, "08:30"),
            sc("room:PLEN"),
            "closed",
            "Sweep of the main hall (K-9, explosives, bugs)",
        ),
        SecurityWindow(
            "W2",
            at(D2, "07:00"),
            at(D2, "08:30"),
            sc("room:PLEN"),
            "closed",
            "Re-sweep of the main hall",
        ),
        SecurityWindow(
            "W3",
            at(D2, "07:00"),
            at(D2, "09:00"),
            sc("room:BL08"),
            "closed",
            "Bilateral suite 8 swept and re-sealed",
        ),
        SecurityWindow(
            "W4",
            at(D1, "17:30"),
            at(D1, "18:30"),
            sc("venue:NOIBAI"),
            "no_arrivals",
            "Secretary-General's motorcade to the airport",
        ),
        SecurityWindow(
            "W5",
            at(D1, "13:00"),
            at(D1, "13:40"),
            sc("person:VNM-PM"),
            "closed",
            "Government meeting",
        ),
        SecurityWindow(
            "W6",
            at(D2, "12:00"),
            at(D2, "12:40"),
            sc("venue:NOIBAI"),
            "no_arrivals",
            "VIP departures: road closure on the airport route",
        ),
    ]
