"""The data of the Hanoi 2025 sample, as tables.

Signing Ceremony and High-Level Conference of the United Nations Convention
against Cybercrime, National Convention Centre, Hanoi, 25-26 October 2025,
with the arrival day (24 October) before it. ``hanoi2025.py`` turns these
tables into a scenario; ``NOTES`` (the workbook's Notes sheet) says which rows
the public record gives [S], which are derived from it [D] and which are
assumptions [A], with the source address of each [S] and [D] group.

Each table is text: one row a line, cells separated by ``|``, a header line
first; ``#`` starts a comment line. Times are ``DD HH:MM`` in October 2025,
local time; a window is ``DD HH:MM-HH:MM`` (one day) or
``DD HH:MM - DD HH:MM``. ``-`` is an empty cell.

People are named only where the public record names them; otherwise the
office alone, an office that state has. Nobody's date of taking office is
given (the record does not give them), so no list uses seniority.
"""

from __future__ import annotations

EVENT_NAME = (
    "Signing Ceremony and High-Level Conference of the United Nations "
    "Convention against Cybercrime (Hanoi Convention)"
)
DAYS = (24, 25, 26)  # October 2025

# Landing slots at Noi Bai (a delegation's reception starts inside its slot).
LANDINGS = {
    "24a": "24 07:00-10:00",
    "24b": "24 10:00-13:00",
    "24c": "24 13:00-16:30",
    "24d": "24 16:30-19:30",
    "24e": "24 19:30-20:45",
    "25m": "25 06:00-06:40",
    "25l": "25 10:00-10:30",  # a delayed flight: lands during the opening
    "25d": "25 13:00-17:30",
    "25e": "25 18:00-21:00",
}

# Ranks: the UN's levels of representation, the Secretary-General between
# heads of state and vice-presidents; seconds a head takes in the welcome line.
RANKS = """
rank | label | precedence | welcome_seconds
HOS  | Head of State | 1 | 60
UNSG | UN Secretary-General | 2 | 60
VP   | Vice-President / Crown Prince | 3 | 45
HOG  | Head of Government | 4 | 60
DPM  | Deputy Prime Minister | 5 | 30
FM   | Minister for Foreign Affairs | 6 | 25
MIN  | Minister | 7 | 20
VMIN | Vice-Minister / Minister of State | 8 | 15
AMB  | Ambassador / Permanent Representative | 9 | 15
IOH  | Head of an international organisation | 10 | 20
OFF  | Senior official | 11 | 15
"""

# Delegations. signs: the day of signature in the UN Treaty Collection
# (chapter XVIII-16), or - for a delegation that came and did not sign.
# lands: a landing slot above, a fixed landing time, or - for a head who is
# in Hanoi already (a resident ambassador or representative) or who comes in
# another delegation's party. size: people travelling with the head.
DELEGATIONS = """
id | name | kind | rank | signs | lands | size | head
VNM | Viet Nam | host | HOS | 25 | - | 40 | Luong Cuong, President
# ---- signed on 25 October 2025 ----
DZA | Algeria | state | MIN | 25 | 24b | 5 | Minister of Justice, Keeper of the Seals
AGO | Angola | state | MIN | 25 | 24c | 5 | Minister of Justice and Human Rights
AUS | Australia | state | VMIN | 25 | 24b | 5 | Matt Thistlethwaite, Assistant Minister for Foreign Affairs and Trade
AUT | Austria | state | AMB | 25 | - | 2 | Ambassador of Austria to Viet Nam
AZE | Azerbaijan | state | VMIN | 25 | 24d | 4 | Deputy Minister of Foreign Affairs
BLR | Belarus | state | MIN | 25 | 24b | 6 | Ivan Kubrako, Minister of Internal Affairs
BEL | Belgium | state | AMB | 25 | - | 2 | Ambassador of Belgium to Viet Nam
BRA | Brazil | state | MIN | 25 | 24c | 6 | Minister of Justice and Public Security
BRN | Brunei Darussalam | state | MIN | 25 | 24a | 5 | Minister of Home Affairs
BFA | Burkina Faso | state | MIN | 25 | 24d | 4 | Minister of Security
KHM | Cambodia | state | DPM | 25 | 24a | 10 | Deputy Prime Minister and Minister of the Interior
CHL | Chile | state | AMB | 25 | - | 2 | Ambassador of Chile to Viet Nam
CHN | China | state | VMIN | 25 | 24b | 8 | Vice-Minister of Public Security
CRI | Costa Rica | state | MIN | 25 | 24e | 3 | Minister of Science, Innovation, Technology and Telecommunications
CIV | Côte d'Ivoire | state | MIN | 25 | 24d | 4 | Minister of Digital Transition and Digitalisation
CUB | Cuba | state | MIN | 25 | 24c | 5 | Minister of the Interior
CZE | Czechia | state | AMB | 25 | - | 2 | Ambassador of Czechia to Viet Nam
PRK | Democratic People's Republic of Korea | state | AMB | 25 | - | 2 | Ambassador of the Democratic People's Republic of Korea to Viet Nam
COD | Democratic Republic of the Congo | state | MIN | 25 | 24c | 4 | Minister of Justice and Keeper of the Seals
DJI | Djibouti | state | MIN | 25 | 24d | 3 | Minister of Justice
DOM | Dominican Republic | state | MIN | 25 | 25m | 4 | Minister of the Interior and Police
ECU | Ecuador | state | MIN | 25 | 24e | 4 | Minister of the Interior
EGY | Egypt | state | MIN | 25 | 24b | 5 | Minister of Communications and Information Technology
EU | European Union | organization | IOH | 25 | 24c | 4 | Olivier Onidi, Deputy Director-General for Migration and Home Affairs, European Commission
FRA | France | state | AMB | 25 | 24c | 3 | Ambassador for Digital Affairs
GHA | Ghana | state | MIN | 25 | 24d | 5 | Minister for Communication, Digital Technology and Innovations
GRC | Greece | state | AMB | 25 | 24b | 2 | Ambassador of Greece
GNB | Guinea-Bissau | state | AMB | 25 | 24d | 2 | Ambassador of Guinea-Bissau
IRN | Iran (Islamic Republic of) | state | VMIN | 25 | 24c | 5 | Deputy Minister of Foreign Affairs for Legal and International Affairs
IRL | Ireland | state | AMB | 25 | - | 2 | Ambassador of Ireland to Viet Nam
JAM | Jamaica | state | MIN | 25 | 24e | 3 | Minister of National Security
KAZ | Kazakhstan | state | VMIN | 25 | 24a | 4 | Deputy Minister of Internal Affairs
LAO | Lao People's Democratic Republic | state | HOS | 25 | 24 11:00 | 30 | Thongloun Sisoulith, General Secretary of the Lao People's Revolutionary Party and President
LBY | Libya | state | AMB | 25 | - | 2 | Ambassador of Libya to Viet Nam
LUX | Luxembourg | state | AMB | 25 | 24b | 2 | Ambassador of Luxembourg
MDV | Maldives | state | MIN | 25 | 24a | 4 | Minister of Homeland Security and Technology
MYS | Malaysia | state | MIN | 25 | 24a | 6 | Minister of Home Affairs
MAR | Morocco | state | AMB | 25 | - | 2 | Ambassador of Morocco to Viet Nam
MOZ | Mozambique | state | MIN | 25 | 25m | 4 | Minister of Justice, Constitutional and Religious Affairs
NAM | Namibia | state | MIN | 25 | 24d | 4 | Minister of Information and Communication Technology
NRU | Nauru | state | AMB | 25 | 24c | 2 | Permanent Representative of Nauru to the United Nations
NIC | Nicaragua | state | AMB | 25 | 24c | 2 | Ambassador of Nicaragua
NGA | Nigeria | state | MIN | 25 | 24c | 6 | Attorney General of the Federation and Minister of Justice
PLW | Palau | state | AMB | 25 | 24b | 2 | Permanent Representative of Palau to the United Nations
PSE | State of Palestine | observer | AMB | 25 | 24d | 3 | Riyad Mansour, Permanent Observer of the State of Palestine to the United Nations
PNG | Papua New Guinea | state | MIN | 25 | 24b | 4 | Minister for Information and Communications Technology
PER | Peru | state | AMB | 25 | - | 2 | Ambassador of Peru to Viet Nam
PHL | Philippines | state | MIN | 25 | 24b | 6 | Henry Aguda, Secretary of Information and Communications Technology
POL | Poland | state | DPM | 25 | 24a | 8 | Krzysztof Gawkowski, Deputy Prime Minister and Minister of Digital Affairs
PRT | Portugal | state | AMB | 25 | - | 2 | Ambassador of Portugal to Viet Nam
QAT | Qatar | state | AMB | 25 | - | 2 | Ambassador of Qatar to Viet Nam
RUS | Russian Federation | state | MIN | 25 | 24b | 8 | Alexander Gutsan, Prosecutor General
SVK | Slovakia | state | AMB | 25 | - | 2 | Ambassador of Slovakia to Viet Nam
SVN | Slovenia | state | AMB | 25 | 24c | 2 | Ambassador of Slovenia
ESP | Spain | state | AMB | 25 | - | 2 | Ambassador of Spain to Viet Nam
LKA | Sri Lanka | state | MIN | 25 | 24a | 4 | Minister of Public Security and Parliamentary Affairs
THA | Thailand | state | MIN | 25 | 24a | 6 | Chaichanok Chidchob, Minister of Digital Economy and Society
TGO | Togo | state | MIN | 25 | 24d | 3 | Minister of Digital Economy and Digital Transformation
TUR | Türkiye | state | VMIN | 25 | 24b | 4 | Deputy Minister of Interior
TZA | United Republic of Tanzania | state | MIN | 25 | 25l | 4 | Minister of Information, Communication and Information Technology
URY | Uruguay | state | AMB | 25 | - | 2 | Ambassador of Uruguay to Viet Nam
UZB | Uzbekistan | state | VMIN | 25 | 24c | 4 | Deputy Minister of Internal Affairs
VEN | Venezuela (Bolivarian Republic of) | state | AMB | 25 | - | 2 | Ambassador of the Bolivarian Republic of Venezuela to Viet Nam
ZWE | Zimbabwe | state | MIN | 25 | 24d | 5 | Tatenda Mavetera, Minister of Information Communication Technology, Postal and Courier Services
# ---- signed on 26 October 2025 ----
MLI | Mali | state | MIN | 26 | 25d | 4 | Minister of Communication, Digital Economy and Modernisation of the Administration
RWA | Rwanda | state | MIN | 26 | 25e | 4 | Minister of ICT and Innovation
SAU | Saudi Arabia | state | AMB | 26 | - | 2 | Ambassador of Saudi Arabia to Viet Nam
ZAF | South Africa | state | MIN | 26 | 24c | 6 | Mmamoloko Kubayi, Minister of Justice and Constitutional Development
SWE | Sweden | state | AMB | 26 | - | 2 | Ambassador of Sweden to Viet Nam
UGA | Uganda | state | MIN | 26 | 25e | 4 | Minister of Information and Communications Technology and National Guidance
GBR | United Kingdom of Great Britain and Northern Ireland | state | AMB | 26 | - | 3 | Iain Frew, Ambassador to Viet Nam
# ---- came and did not sign in Hanoi ----
ARG | Argentina | state | AMB | - | - | 2 | Ambassador of Argentina to Viet Nam
BGD | Bangladesh | state | AMB | - | - | 2 | Ambassador of Bangladesh to Viet Nam
BOL | Bolivia (Plurinational State of) | state | AMB | - | 24e | 2 | Ambassador of the Plurinational State of Bolivia
CAN | Canada | state | AMB | - | - | 3 | Ambassador of Canada to Viet Nam
COL | Colombia | state | AMB | - | - | 2 | Ambassador of Colombia to Viet Nam
DNK | Denmark | state | AMB | - | - | 2 | Ambassador of Denmark to Viet Nam
ETH | Ethiopia | state | AMB | - | 24d | 2 | Ambassador of Ethiopia
FIN | Finland | state | AMB | - | - | 2 | Ambassador of Finland to Viet Nam
DEU | Germany | state | AMB | - | - | 3 | Ambassador of Germany to Viet Nam
HUN | Hungary | state | AMB | - | - | 2 | Ambassador of Hungary to Viet Nam
IND | India | state | AMB | - | - | 3 | Ambassador of India to Viet Nam
IDN | Indonesia | state | VMIN | - | 24b | 5 | Deputy Minister of Communication and Digital Affairs
IRQ | Iraq | state | AMB | - | - | 2 | Ambassador of Iraq to Viet Nam
ISR | Israel | state | AMB | - | - | 2 | Yaron Mayer, Ambassador to Viet Nam
ITA | Italy | state | AMB | - | - | 2 | Ambassador of Italy to Viet Nam
JPN | Japan | state | AMB | - | - | 3 | Ambassador of Japan to Viet Nam
JOR | Jordan | state | AMB | - | 24c | 2 | Ambassador of Jordan
KEN | Kenya | state | MIN | - | 24c | 4 | Cabinet Secretary for Information, Communications and the Digital Economy
KWT | Kuwait | state | AMB | - | - | 2 | Ambassador of Kuwait to Viet Nam
KGZ | Kyrgyzstan | state | VMIN | - | 24d | 3 | Deputy Minister of Internal Affairs
MUS | Mauritius | state | MIN | - | 24c | 3 | Minister of Information Technology, Communication and Innovation
MEX | Mexico | state | AMB | - | - | 2 | Ambassador of Mexico to Viet Nam
MNG | Mongolia | state | AMB | - | - | 2 | Ambassador of Mongolia to Viet Nam
NPL | Nepal | state | AMB | - | 24c | 2 | Ambassador of Nepal
NLD | Netherlands (Kingdom of the) | state | AMB | - | - | 2 | Ambassador of the Kingdom of the Netherlands to Viet Nam
NZL | New Zealand | state | AMB | - | - | 2 | Ambassador of New Zealand to Viet Nam
NOR | Norway | state | AMB | - | - | 2 | Ambassador of Norway to Viet Nam
PAK | Pakistan | state | AMB | - | - | 2 | Ambassador of Pakistan to Viet Nam
PAN | Panama | state | AMB | - | - | 2 | Ambassador of Panama to Viet Nam
KOR | Republic of Korea | state | VMIN | - | 24b | 4 | Vice Minister of Justice
SEN | Senegal | state | MIN | - | 24e | 4 | Minister of Communication, Telecommunications and Digital Affairs
SRB | Serbia | state | AMB | - | - | 2 | Ambassador of Serbia to Viet Nam
SGP | Singapore | state | VMIN | - | 24a | 4 | Minister of State for Home Affairs
CHE | Switzerland | state | AMB | - | - | 2 | Ambassador of Switzerland to Viet Nam
TLS | Timor-Leste | state | AMB | - | 24b | 2 | Ambassador of Timor-Leste
TUN | Tunisia | state | AMB | - | 24c | 2 | Ambassador of Tunisia
ARE | United Arab Emirates | state | AMB | - | - | 2 | Ambassador of the United Arab Emirates to Viet Nam
USA | United States of America | state | AMB | - | - | 3 | Ambassador of the United States of America to Viet Nam
ZMB | Zambia | state | MIN | - | 24d | 3 | Minister of Technology and Science
# ---- international organisations ----
UN | United Nations | organization | UNSG | - | 24 15:00 | 12 | António Guterres, Secretary-General
UNODC | United Nations Office on Drugs and Crime | organization | IOH | - | 24a | 8 | John Brandolino, Director, UNODC
ASEAN | ASEAN Secretariat | organization | IOH | - | 24b | 3 | Deputy Secretary-General of ASEAN for the ASEAN Political-Security Community
ASEANAPOL | ASEANAPOL Secretariat | organization | IOH | - | 24b | 2 | Executive Director of the ASEANAPOL Secretariat
AUC | African Union Commission | organization | IOH | - | 24d | 3 | Commissioner for Political Affairs, Peace and Security
COE | Council of Europe | organization | IOH | - | 24c | 2 | Head of the Cybercrime Division
INTERPOL | INTERPOL | organization | IOH | - | 24c | 3 | Director of Cybercrime, INTERPOL General Secretariat
ITU | International Telecommunication Union | organization | IOH | - | 24c | 2 | Director of the Telecommunication Development Bureau
UNDP | United Nations Development Programme | organization | IOH | - | - | 2 | Resident Representative of UNDP in Viet Nam
UNICEF | United Nations Children's Fund | organization | IOH | - | - | 2 | Representative of UNICEF in Viet Nam
WB | World Bank | organization | IOH | - | - | 2 | Country Director for Viet Nam, World Bank
"""

# Roles in the order of precedence (spec v2): the guest of honour takes the
# most senior place among the guests in every list; a co-host stands with the
# host and is never queued as a guest in the welcome line.
ROLES = {"LAO": "guest_of_honour", "UN": "co_host"}

# Who is in town when (beyond the landing). The Secretary-General leaves on
# the evening of 25 Oct.
AVAILABILITY = {"UN": "24 15:00 - 25 18:15"}

# People other than the heads: the host's principals and officials, and
# members of visiting delegations who sign, speak or chair for them. UNODC's
# Executive Director travels in the Secretary-General's party and co-chairs
# with the host (role co_chair: she stands with the host, never queued as a
# guest); John Brandolino heads UNODC's delegation.
# window: when they are free for this event (- = the whole event);
# limit: events and bilaterals a day.
PEOPLE = """
id | delegation | rank | window | limit | role | name
VNM-GS | VNM | HOS | 25 10:00-18:00 | 3 | - | To Lam, General Secretary of the Communist Party of Viet Nam
VNM-PM | VNM | HOG | 24 13:00 - 25 21:00 | 8 | - | Pham Minh Chinh, Prime Minister
VNM-NA | VNM | HOG | 24 07:00 - 25 20:00 | 3 | - | Tran Thanh Man, Chairman of the National Assembly
VNM-DPM | VNM | DPM | - | 8 | - | Bui Thanh Son, Deputy Prime Minister
VNM-FM | VNM | FM | 25 15:00 - 26 21:00 | 8 | - | Le Hoai Trung, Minister of Foreign Affairs
VNM-MPS | VNM | MIN | - | 14 | - | General Luong Tam Quang, Politburo member, Minister of Public Security
VNM-DMPS1 | VNM | VMIN | - | - | - | Senior Lieutenant General Pham The Tung, Deputy Minister of Public Security
VNM-DMPS2 | VNM | VMIN | - | - | - | Lieutenant General Le Quoc Hung, Deputy Minister of Public Security
VNM-PDFM | VNM | VMIN | - | - | - | Nguyen Minh Vu, Permanent Deputy Minister of Foreign Affairs
VNM-DFM | VNM | VMIN | - | - | - | Dang Hoang Giang, Deputy Minister of Foreign Affairs
VNM-HN | VNM | MIN | 24 12:00-20:00 | - | - | Tran Sy Thanh, Chairman of the Hanoi People's Committee
VNM-PROT1 | VNM | OFF | - | - | - | Director-General, State Protocol Department, Ministry of Foreign Affairs
VNM-PROT2 | VNM | OFF | - | - | - | Deputy Director-General, State Protocol Department, Ministry of Foreign Affairs
VNM-MPSFR | VNM | OFF | - | - | - | Director-General, Department of Foreign Relations, Ministry of Public Security
LAO-DPM | LAO | DPM | 24 12:00 - 26 21:00 | - | - | General Vilay Lakhamfong, Deputy Prime Minister and Minister of Public Security
UN-OLA | UN | OFF | 24 15:00 - 26 21:00 | - | - | Chief of the Treaty Section, Office of Legal Affairs
UNODC-ED | UNODC | IOH | 24 16:05 - 26 21:00 | - | co_chair | Ghada Waly, Executive Director of UNODC
GBR-CYB | GBR | OFF | 24 19:00 - 26 21:00 | - | - | Andrew Whittaker, Cyber Director, Foreign, Commonwealth and Development Office
"""

# Host people who receive delegations at Noi Bai, by the rank of the head
# received (protocol practice of the host, [A]); each tier takes turns.
GREETERS = {
    "HOS": ("VNM-DPM",),
    "UNSG": ("VNM-HN",),
    "DPM": ("VNM-DMPS1", "VNM-PDFM"),
    "MIN": ("VNM-DMPS1", "VNM-DMPS2", "VNM-PDFM", "VNM-DFM"),
    "VMIN": ("VNM-PROT1", "VNM-PROT2", "VNM-MPSFR"),
    "AMB": ("VNM-PROT1", "VNM-PROT2", "VNM-MPSFR"),
    "IOH": ("VNM-PROT1", "VNM-PROT2", "VNM-MPSFR"),
}

# Where the VIP terminal receives a delegation: heads of state and the
# Secretary-General at the state guests' gate, the others at gates B and C
# by turns.
GATES = {"HOS": ("VIPT-A",), "UNSG": ("VIPT-A",), "": ("VIPT-B", "VIPT-C")}

# The orders of signature: by level, then English alphabetical order from a
# letter drawn by lot (UN practice; the letter is an assumption).
SIGNATURE_LOT = "lot:T"

# Who signs for a delegation when it is not its head.
SIGNS_FOR = {"VNM": "VNM-MPS", "LAO": "LAO-DPM"}

VENUES = """
id | name
NCC | National Convention Centre
PP | Presidential Palace
GO | Government Office
CPV | Headquarters of the Communist Party of Viet Nam Central Committee
NA | National Assembly House
BADINH | Ho Chi Minh Mausoleum, Ba Dinh Square
NOIBAI | Noi Bai International Airport, VIP terminal
"""

# Minutes by escorted car between venues (the Ba Dinh sites are close to one
# another; Noi Bai is 40 km from the NCC).
TRAVEL = """
from | to | minutes
NCC | PP | 20
NCC | GO | 20
NCC | CPV | 20
NCC | NA | 20
NCC | BADINH | 20
PP | GO | 5
PP | CPV | 5
PP | NA | 5
PP | BADINH | 5
GO | CPV | 5
GO | NA | 5
GO | BADINH | 5
CPV | NA | 5
CPV | BADINH | 5
NA | BADINH | 5
NOIBAI | NCC | 45
NOIBAI | PP | 50
NOIBAI | GO | 50
NOIBAI | CPV | 50
NOIBAI | NA | 50
NOIBAI | BADINH | 50
"""

# Rooms. changeover: minutes between two uses (- = the setting, 10).
ROOMS = """
id | venue | kind | capacity | changeover | features | name
PLEN | NCC | plenary | 3500 | - | interpretation; flags; vip; press; av; signing | Main Plenary Hall
BANQ | NCC | banquet | 800 | - | catering; stage; vip | Grand Banquet Hall
H1 | NCC | hall | 700 | - | interpretation; av; flags | Hall 1
H2 | NCC | hall | 600 | - | interpretation; av; flags | Hall 2
H3 | NCC | hall | 500 | - | interpretation; av; flags | Hall 3
H4 | NCC | hall | 500 | - | interpretation; av | Hall 4
H5 | NCC | hall | 450 | - | interpretation; av | Hall 5
H6 | NCC | hall | 400 | - | av | Hall 6
H7 | NCC | hall | 400 | - | av | Hall 7
MR01 | NCC | meeting | 60 | - | av | Meeting room 1
MR02 | NCC | meeting | 60 | - | av | Meeting room 2
MR03 | NCC | meeting | 80 | - | av | Meeting room 3
MR04 | NCC | meeting | 80 | - | av | Meeting room 4
MR05 | NCC | meeting | 80 | - | av | Meeting room 5
MR06 | NCC | meeting | 100 | - | av | Meeting room 6
MR07 | NCC | meeting | 100 | - | av | Meeting room 7
MR08 | NCC | meeting | 100 | - | av | Meeting room 8
MR09 | NCC | meeting | 100 | - | av | Meeting room 9
MR10 | NCC | meeting | 100 | - | av | Meeting room 10
MR11 | NCC | meeting | 100 | - | av | Meeting room 11
MR12 | NCC | meeting | 100 | - | av | Meeting room 12
MR13 | NCC | meeting | 120 | - | av; interpretation | Meeting room 13
MR14 | NCC | meeting | 120 | - | av; interpretation | Meeting room 14
SIGN-STAGE | NCC | signing | 200 | - | flags; signing; press | Main hall: signing table on the stage
SIGN-R | NCC | signing | 60 | - | flags; signing | Treaty signing room (UN Office of Legal Affairs)
BL01 | NCC | bilateral | 20 | - | flags; vip | Bilateral suite 1
BL02 | NCC | bilateral | 20 | - | flags; vip | Bilateral suite 2
BL03 | NCC | bilateral | 20 | - | flags; vip | Bilateral suite 3
BL04 | NCC | bilateral | 20 | - | flags; vip | Bilateral suite 4
BL05 | NCC | bilateral | 20 | - | flags; vip | Bilateral suite 5
BL06 | NCC | bilateral | 20 | - | flags; vip | Bilateral suite 6
BL07 | NCC | bilateral | 20 | - | flags; vip | Bilateral suite 7
BL08 | NCC | bilateral | 20 | - | flags; vip | Bilateral suite 8
VILLA1 | NCC | bilateral | 24 | - | flags; vip; separate-access | NCC villa 1
VILLA2 | NCC | bilateral | 24 | - | flags; vip; separate-access | NCC villa 2
VIP1 | NCC | hold | 150 | - | vip | Leaders' Lounge
VIP2 | NCC | hold | 15 | - | vip | Hold room 2
VIP3 | NCC | hold | 15 | - | vip | Hold room 3
VIP4 | NCC | hold | 15 | - | vip | Hold room 4
VIP5 | NCC | hold | 15 | - | vip | Hold room 5
PORTE | NCC | hold | 150 | - | vip | VIP entrance (porte-cochère)
PHOTO | NCC | hold | 200 | - | risers | Group-photo stage, main lobby
FOYER | NCC | hold | 300 | - | - | Exhibition foyer walkway
PRESS-BR | NCC | press | 250 | - | interpretation; podium | Press Briefing Hall
EXPO | NCC | exhibition | 25 | - | power; network | Exhibition foyer (booths)
PP-HALL | PP | hold | 200 | - | vip; flags | Presidential Palace ceremonial courtyard
PP-R1 | PP | bilateral | 30 | - | flags; vip | Presidential Palace reception room
PP-BANQ | PP | banquet | 150 | - | catering; vip | Presidential Palace banquet hall
GO-R1 | GO | bilateral | 30 | - | flags; vip | Government Office reception room 1
GO-R2 | GO | bilateral | 30 | - | flags; vip | Government Office reception room 2
CPV-R1 | CPV | bilateral | 30 | - | flags; vip | Party Central Committee reception room
NA-R1 | NA | bilateral | 30 | - | flags; vip | National Assembly House reception room
BADINH-M | BADINH | hold | 100 | - | vip | Ho Chi Minh Mausoleum
VIPT-A | NOIBAI | arrival | 80 | 0 | vip | VIP terminal, state guests' gate (honour guard)
VIPT-B | NOIBAI | arrival | 60 | 0 | vip | VIP terminal, gate B
VIPT-C | NOIBAI | arrival | 60 | 0 | vip | VIP terminal, gate C
"""

# The programme. when: a fixed start (DD HH:MM) or a window the event must
# lie in; with: people who must attend (chairs, speakers); for: minutes they
# are needed (- = all of it); heads: every head present attends; after:
# events that end first; must: mandatory.
PROGRAMME = """
id | kind | minutes | attendance | rooms | when | with | for | heads | after | must | restricted | title
# ---- 24 October: the Secretary-General's official visit ----
SG-WREATH | other | 30 | 60 | BADINH-M | 24 15:45-17:15 | UN | - | no | - | yes | no | The Secretary-General lays a wreath at the Ho Chi Minh Mausoleum
SG-WELCOME | ceremony | 20 | 150 | PP-HALL | 24 16:15-18:00 | VNM; UN | - | no | SG-WREATH | yes | no | Official welcome ceremony for the Secretary-General, chaired by the President
SG-TALKS | other | 45 | 24 | PP-R1 | 24 16:40-19:15 | VNM; UN | - | no | SG-WELCOME | yes | yes | Talks between the President and the Secretary-General
SG-BANQUET | reception | 90 | 120 | PP-BANQ | 24 19:30 | VNM; UN | - | no | SG-TALKS | yes | no | State banquet in honour of the Secretary-General, hosted by the President
ART-REHEARSAL | other | 45 | 300 | PLEN | 24 14:00 - 25 08:20 | - | - | no | - | yes | no | Dress rehearsal of the opening art programme
MEDIA-SETUP1 | other | 30 | 200 | PLEN | 25 06:00-08:30 | - | - | no | - | yes | yes | Media set-up in the main hall: camera risers and pool positions
# ---- 25 October: day 1 ----
WELCOME | ceremony | 55 | 150 | VIP1 | 25 07:30 | VNM; UN | - | yes | - | yes | no | Official welcome ceremony for heads of delegation, chaired by the President
PHOTO | ceremony | 10 | 200 | PHOTO | 25 08:30 | VNM; UN | - | yes | WELCOME | yes | no | Group photo of the heads of delegation with the President and the Secretary-General
EXPO-VISIT | ceremony | 10 | 200 | FOYER | 25 08:45 | VNM; UN | - | yes | PHOTO | yes | no | Heads of delegation visit the VNA photo exhibition
OPENING | ceremony | 60 | 3000 | PLEN | 25 09:00 | VNM; UN; UNODC-ED | - | yes | EXPO-VISIT | yes | no | Opening session: remarks by the President, the Secretary-General and the Executive Director of UNODC
SIGNING | ceremony | 110 | 150 | SIGN-STAGE | 25 10:05 | VNM; UN; UN-OLA | - | yes | OPENING | yes | no | Signing ceremony, conducted by the UN Office of Legal Affairs
PRESSBRIEF | press | 30 | 250 | PRESS-BR | 25 12:30-14:00 | VNM-PM; UN | - | no | SIGNING | yes | no | Press conference of the Prime Minister and the Secretary-General
PLENARY1 | plenary | 180 | 2500 | PLEN | 25 14:00 | VNM-PM; UN | 30 | no | SIGNING | yes | no | High-level plenary, co-chaired by the Prime Minister and the Secretary-General: national statements
BANQUET | reception | 120 | 800 | BANQ | 25 19:00 | VNM | - | yes | - | yes | no | Official banquet hosted by the President in honour of the heads of delegation
# ---- 26 October: day 2 ----
MEDIA-SETUP2 | other | 30 | 200 | PLEN | 26 06:00-08:30 | - | - | no | - | yes | yes | Interpretation and sound check in the main hall
PLENARY2A | plenary | 180 | 2000 | PLEN | 26 09:00 | VNM-DPM | 20 | no | - | yes | no | High-level plenary (continued): statements of states and organisations
SIGNING2 | ceremony | 45 | 60 | SIGN-R | 26 09:00-12:00 | UN-OLA | - | no | - | yes | no | Signature of the Convention (26 October), with the UN Office of Legal Affairs
PLENARY2B | plenary | 150 | 1500 | PLEN | 26 13:30 | VNM-DMPS1 | 15 | no | PLENARY2A | yes | no | High-level plenary (continued): statements of states and organisations
CLOSING | plenary | 45 | 1500 | PLEN | 26 16:15-17:15 | VNM-MPS; UNODC | - | no | PLENARY2B | yes | no | Closing session: remarks by the Minister of Public Security and UNODC
PRESSCONF | press | 60 | 250 | PRESS-BR | 26 17:00-19:00 | VNM-DMPS1; VNM-PDFM | - | no | CLOSING | yes | no | International press conference on the outcomes, co-chaired by the Deputy Minister of Public Security and the Permanent Deputy Minister of Foreign Affairs
# ---- meal breaks of the principals (a hold room each) ----
LUNCH-PRES | other | 45 | 10 | VIP2; VIP3 | 25 12:00-14:00 | VNM | - | no | - | yes | yes | Lunch break: the President
LUNCH-SG | other | 45 | 10 | VIP2; VIP3; VIP4 | 25 12:00-14:00 | UN | - | no | - | yes | yes | Lunch break: the Secretary-General
LUNCH-PM | other | 45 | 10 | VIP3; VIP4 | 25 11:45-14:00 | VNM-PM | - | no | - | yes | yes | Lunch break: the Prime Minister
LUNCH-MPS1 | other | 45 | 10 | VIP4; VIP5 | 25 12:00-14:30 | VNM-MPS | - | no | - | yes | yes | Lunch break: the Minister of Public Security
LUNCH-MPS2 | other | 45 | 10 | VIP4; VIP5 | 26 11:30-14:00 | VNM-MPS | - | no | - | yes | yes | Lunch break: the Minister of Public Security
LUNCH-FM2 | other | 45 | 10 | VIP2; VIP3 | 26 11:30-14:00 | VNM-FM | - | no | - | yes | yes | Lunch break: the Minister of Foreign Affairs
"""

# Side-event slots: 75 minutes, an hour of content and 15 minutes to change
# over. Day 2's first three are the organisers'; the rest are assumptions.
SLOTS = """
set | start | end
DAY1 | 25 14:00 | 25 15:15
DAY1 | 25 15:30 | 25 16:45
DAY1 | 25 17:00 | 25 18:15
DAY2 | 26 09:00 | 26 10:15
DAY2 | 26 12:00 | 26 13:15
DAY2 | 26 13:30 | 26 14:45
DAY2 | 26 15:00 | 26 16:15
"""

# The eight high-level side events (four discussions, four roundtables),
# chaired by leaders of Vietnamese ministries or UNODC; 90 minutes each.
DISCUSSIONS = """
id | day | priority | organizer | track | with | title
HLD1 | 25 | 5 | UNODC | implementation | VNM-FM; UNODC-ED; AUS; PHL | High-level discussion: From signature to implementation of the Convention
HLD2 | 25 | 5 | VNM | e-evidence | VNM-DMPS2; BRA; EGY | High-level discussion: Electronic evidence across borders
RT1 | 25 | 4 | RUS | capacity-building | RUS; VNM-DMPS1; CUB | Roundtable: Capacity building and technical assistance, with a cyber-attack response drill
HLD3 | 26 | 5 | UNODC | implementation | EU; UNODC; KHM | Multi-stakeholder session: Translating the UN Convention against Cybercrime into Practice — Pathways and Perspectives to Effective Implementation
HLD4 | 26 | 5 | VNM | online-fraud | VNM-MPS; THA; MYS | High-level discussion: Online scam centres and cross-border fraud in South-East Asia
RT2 | 26 | 4 | UNODC | child-protection | UNODC-ED; ZAF; NGA | Roundtable: Protecting children online
RT3 | 26 | 4 | VNM | ai-and-crime | VNM-DMPS1; POL; KOR | Roundtable: Artificial intelligence and new forms of cybercrime
RT4 | 26 | 4 | ITU | capacity-building | ITU; VNM-DFM; RWA | Roundtable: Closing the capacity gap of developing countries
"""

# Thirty-two workshops of an hour, in the side-event slots.
WORKSHOPS = """
id | slots | priority | attendance | interpretation | organizer | track | with | title
WS01 | DAY1 | 4 | 250 | yes | UNODC | implementation | UNODC | Workshop: Ratifying the Convention: model legislation
WS02 | DAY1 | 3 | 80 | no | INTERPOL | e-evidence | INTERPOL | Workshop: 24/7 contact points in practice
WS03 | DAY1 | 3 | 100 | no | COE | e-evidence | COE | Workshop: The Budapest and Hanoi Conventions side by side
WS04 | DAY1 | 3 | 150 | yes | ASEAN | online-fraud | ASEAN | Workshop: Regional cooperation against online scams
WS05 | DAY1 | 2 | 60 | no | ASEANAPOL | online-fraud | ASEANAPOL | Workshop: Police-to-police channels in ASEAN
WS06 | DAY1 | 3 | 100 | no | VNM | child-protection | VNM-MPSFR | Workshop: Victim support and reporting online abuse
WS07 | DAY1 | 2 | 80 | no | AUC | capacity-building | AUC | Workshop: Cybercrime strategies in Africa
WS08 | DAY1 | 2 | 60 | no | UNDP | capacity-building | UNDP | Workshop: Digital public infrastructure and crime prevention
WS09 | DAY2 | 3 | 100 | no | UNODC | e-evidence | - | Workshop: Cross-border preservation of data
WS10 | DAY2 | 3 | 150 | yes | UNODC | implementation | - | Workshop: Human rights safeguards in the Convention
WS11 | DAY2 | 2 | 80 | no | INTERPOL | ransomware | - | Workshop: Ransomware: disrupting the business model
WS12 | DAY2 | 3 | 100 | no | VNM | e-evidence | - | Workshop: Digital forensics laboratories
WS13 | DAY2 | 2 | 60 | no | ITU | capacity-building | - | Workshop: National CERTs and law enforcement
WS14 | DAY2 | 3 | 120 | yes | UNICEF | child-protection | UNICEF | Workshop: Online child sexual exploitation: detection and response
WS15 | DAY2 | 2 | 80 | no | WB | online-fraud | WB | Workshop: Financial flows of cybercrime
WS16 | DAY2 | 3 | 100 | no | UNODC | online-fraud | - | Workshop: Crypto-asset tracing
WS17 | DAY2 | 2 | 60 | no | COE | implementation | - | Workshop: Judicial training on electronic evidence
WS18 | DAY2 | 2 | 80 | no | EU | capacity-building | - | Workshop: Capacity-building partnerships
WS19 | DAY2 | 3 | 150 | yes | VNM | online-fraud | - | Workshop: Telecom fraud and SIM registration
WS20 | DAY2 | 2 | 60 | no | ASEANAPOL | ransomware | - | Workshop: Critical infrastructure incident drills
WS21 | DAY2 | 2 | 80 | no | UNODC | ai-and-crime | - | Workshop: Deepfakes and impersonation fraud
WS22 | DAY2 | 2 | 60 | no | AUC | capacity-building | - | Workshop: Model laws for small states
WS23 | DAY2 | 3 | 100 | no | INTERPOL | ai-and-crime | - | Workshop: AI tools for investigators
WS24 | DAY2 | 2 | 80 | no | UNDP | implementation | - | Workshop: Cybercrime statistics and data
WS25 | DAY2 | 2 | 60 | no | ITU | ransomware | - | Workshop: Botnets and coordinated takedowns
WS26 | DAY2 | 3 | 120 | yes | UNODC | e-evidence | - | Workshop: Requests to service providers
WS27 | DAY2 | 2 | 60 | no | ASEAN | implementation | - | Workshop: Mutual legal assistance: timelines that work
WS28 | DAY2 | 2 | 80 | no | VNM | online-fraud | - | Workshop: Money mules and account takeover
WS29 | DAY2 | 2 | 60 | no | COE | child-protection | - | Workshop: Grooming offences and platform duties
WS30 | DAY2 | 2 | 60 | no | UNODC | capacity-building | - | Workshop: Women in cybercrime investigation
WS31 | DAY2 | 2 | 80 | no | EU | ai-and-crime | - | Workshop: Open-source intelligence in investigations
WS32 | DAY2 | 3 | 120 | yes | UNODC | implementation | - | Workshop: The technical assistance roadmap
"""

# Exhibitions (booth units of 9 m2). The first two are open from the welcome
# ceremony on day 1; each booth is open one day, 08:30-17:30.
EXHIBITIONS = """
id | units | when | must | priority | organizer | title
EX01 | 4 | 25 08:00 | yes | 5 | VNM | VNA photo exhibition: Viet Nam and the United Nations
EX02 | 4 | 25 08:00 | yes | 5 | UNODC | United Nations technology exhibition space
EX03 | 2 | 25 | no | 3 | VNM | Exhibition booth: Cybersecurity and high-tech crime prevention, Ministry of Public Security
EX04 | 1 | 25 | no | 3 | ASEAN | Exhibition booth: ASEAN cyber cooperation
EX05 | 1 | 25 | no | 3 | INTERPOL | Exhibition booth: INTERPOL innovation
EX06 | 1 | 25 | no | 2 | EU | Exhibition booth: European Union cyber resilience
EX07 | 2 | 25 | no | 2 | VNM | Exhibition booth: Digital forensics
EX08 | 1 | 25 | no | 2 | UNICEF | Exhibition booth: Child online safety
EX09 | 1 | 25 | no | 2 | VNM | Exhibition booth: Telecom operators against fraud
EX10 | 1 | 25 | no | 2 | VNM | Exhibition booth: Banking security
EX11 | 2 | 25 | no | 2 | VNM | Exhibition booth: National Cyber Security Centre
EX12 | 1 | 25 | no | 1 | VNM | Exhibition booth: University cyber programmes
EX13 | 2 | 26 | no | 3 | VNM | Exhibition booth: Cybersecurity and high-tech crime prevention, Ministry of Public Security
EX14 | 1 | 26 | no | 2 | ITU | Exhibition booth: Global Cybersecurity Index
EX15 | 1 | 26 | no | 2 | UNDP | Exhibition booth: Digital public goods
EX16 | 1 | 26 | no | 2 | VNM | Exhibition booth: AI research institutes
EX17 | 2 | 26 | no | 2 | VNM | Exhibition booth: Cloud and data-centre security
EX18 | 1 | 26 | no | 2 | VNM | Exhibition booth: Blockchain analytics
EX19 | 1 | 26 | no | 1 | VNM | Exhibition booth: Youth cybersecurity contest
EX20 | 1 | 26 | no | 1 | WB | Exhibition booth: Financial inclusion and fraud
EX21 | 1 | 26 | no | 1 | VNM | Exhibition booth: Secure smart cities
EX22 | 1 | 26 | no | 1 | COE | Exhibition booth: Octopus platform
"""

# Speakers lists of the plenary, in no particular order (each list sorts them
# by level of representation, then order of inscription). 19 national
# statements on 25 Oct; the other statements of the 71 on 26 Oct.
SPEAKERS_25 = """
LAO-DPM; POL; KHM; RUS; BLR; THA; PHL; AUS; ZAF; BRA; EGY; NGA; CUB; LKA;
MYS; BRN; ZWE; GHA; DZA
"""
SPEAKERS_26_AM = """
CHN; IRN; TUR; KAZ; UZB; AZE; MDV; PNG; JAM; ECU; CRI; DOM; COD; CIV; MOZ;
NAM; TZA; EU; SGP; IDN; KOR; KEN; ASEAN; INTERPOL; COE; UNODC
"""
SPEAKERS_26_PM = """
GBR-CYB; FRA; PSE; AGO; BFA; DJI; TGO; MLI; RWA; UGA; MUS; SEN; ZMB; KGZ;
PRK; VEN; URY; ESP; PRT; QAT; CHL; AUC; ITU; ASEANAPOL; UNDP; UNICEF
"""

# Bilateral requests. The host's leaders receive in their own buildings, the
# Minister of Public Security and his deputies at the NCC; visiting
# delegations meet each other at the NCC. when: the window it must lie in.
BILATERALS = """
id | a | b | minutes | priority | venue | when | must | note
# ---- sourced meetings (the President's talks with the Secretary-General
# follow his official welcome: an event of the programme; his other
# meetings of 24 Oct come after that welcome too) ----
PM-LAO | VNM-PM | LAO | 45 | 5 | GO | 24 13:00-20:00 | yes | the Prime Minister received the Lao leader on Friday 24 Oct
DPM-POL | VNM-DPM | POL | 30 | 5 | GO | 24 13:00-18:00 | yes | the Deputy Prime Minister met Poland's Deputy Prime Minister on the afternoon of 24 Oct
PRES-POL | VNM | POL | 30 | 5 | PP | 24 13:00-18:00 | yes | the President met Poland's Deputy Prime Minister
PM-UN | VNM-PM | UN | 30 | 5 | GO | 24 17:30-19:15 | yes | the Secretary-General met the Prime Minister
NA-UN | VNM-NA | UN | 30 | 5 | NA | 24 17:30 - 25 18:00 | yes | the Secretary-General met the Chairman of the National Assembly
GS-UN | VNM-GS | UN | 30 | 5 | CPV | 25 14:30-18:00 | yes | the General Secretary received the Secretary-General on 25 Oct
GS-LAO | VNM-GS | LAO | 45 | 5 | CPV | 25 12:00-18:00 | yes | the General Secretary received the Lao leader on 25 Oct
# ---- the President and the Prime Minister ----
PRES-LAO | VNM | LAO | 30 | 4 | PP | 24 13:00 - 25 18:30 | no | -
PRES-KHM | VNM | KHM | 30 | 4 | PP | 24 13:00 - 25 18:30 | no | -
PM-KHM | VNM-PM | KHM | 30 | 4 | GO | 24 13:00 - 25 18:30 | no | -
PM-RUS | VNM-PM | RUS | 30 | 3 | GO | 24 13:00 - 25 18:30 | no | -
# ---- the Secretary-General at the NCC, 25 Oct ----
SG-LAO | UN | LAO | 20 | 5 | NCC | 25 12:00-18:00 | no | -
SG-POL | UN | POL | 20 | 4 | NCC | 25 12:00-18:00 | no | -
SG-KHM | UN | KHM | 20 | 4 | NCC | 25 12:00-18:00 | no | -
SG-PHL | UN | PHL | 20 | 4 | NCC | 25 12:00-18:00 | no | -
SG-THA | UN | THA | 20 | 4 | NCC | 25 12:00-18:00 | no | -
SG-ZAF | UN | ZAF | 20 | 3 | NCC | 25 12:00-18:00 | no | -
SG-NGA | UN | NGA | 20 | 3 | NCC | 25 12:00-18:00 | no | -
# ---- the Deputy Prime Minister and the Minister of Foreign Affairs ----
DPM-KHM | VNM-DPM | KHM | 30 | 4 | GO | 24 13:00 - 26 17:00 | no | -
DPM-LAODPM | VNM-DPM | LAO-DPM | 30 | 4 | GO | 24 13:00 - 26 17:00 | no | -
FM-AUS | VNM-FM | AUS | 30 | 4 | NCC | 25 12:00 - 26 17:00 | no | -
FM-IRN | VNM-FM | IRN | 30 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
FM-AZE | VNM-FM | AZE | 30 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
FM-EU | VNM-FM | EU | 30 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
FM-SGP | VNM-FM | SGP | 30 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
# ---- the Minister of Public Security: 25 Oct afternoon and a series on 26 Oct ----
MPS-LAODPM | VNM-MPS | LAO-DPM | 40 | 5 | NCC | 25 12:00-18:30 | no | -
MPS-KHM | VNM-MPS | KHM | 30 | 5 | NCC | 25 12:00-18:30 | no | -
MPS-RUS | VNM-MPS | RUS | 30 | 5 | NCC | 25 12:00 - 26 17:00 | no | -
MPS-CHN | VNM-MPS | CHN | 30 | 5 | NCC | 25 12:00 - 26 17:00 | no | -
MPS-BLR | VNM-MPS | BLR | 30 | 4 | NCC | 25 12:00 - 26 17:00 | no | -
MPS-BRN | VNM-MPS | BRN | 30 | 4 | NCC | 26 08:30-17:00 | no | -
MPS-MYS | VNM-MPS | MYS | 30 | 4 | NCC | 26 08:30-17:00 | no | -
MPS-LKA | VNM-MPS | LKA | 30 | 4 | NCC | 26 08:30-17:00 | no | -
MPS-CUB | VNM-MPS | CUB | 30 | 4 | NCC | 26 08:30-17:00 | no | -
MPS-BRA | VNM-MPS | BRA | 30 | 4 | NCC | 26 08:30-17:00 | no | -
MPS-NGA | VNM-MPS | NGA | 30 | 3 | NCC | 26 08:30-17:00 | no | -
MPS-ECU | VNM-MPS | ECU | 30 | 3 | NCC | 26 08:30-17:00 | no | -
MPS-ZAF | VNM-MPS | ZAF | 30 | 3 | NCC | 26 08:30-17:00 | no | -
MPS-MOZ | VNM-MPS | MOZ | 30 | 3 | NCC | 26 08:30-17:00 | no | -
MPS-AGO | VNM-MPS | AGO | 30 | 3 | NCC | 26 08:30-17:00 | no | -
# ---- the Deputy Ministers of Public Security: courtesy calls ----
DMPS1-KAZ | VNM-DMPS1 | KAZ | 20 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
DMPS1-UZB | VNM-DMPS1 | UZB | 20 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
DMPS1-TUR | VNM-DMPS1 | TUR | 20 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
DMPS1-INTERPOL | VNM-DMPS1 | INTERPOL | 20 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
DMPS2-KGZ | VNM-DMPS2 | KGZ | 20 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
DMPS2-IDN | VNM-DMPS2 | IDN | 20 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
DMPS2-KOR | VNM-DMPS2 | KOR | 20 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
DMPS2-ASEANAPOL | VNM-DMPS2 | ASEANAPOL | 20 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
DMPS2-AUC | VNM-DMPS2 | AUC | 20 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
DMPS1-SGP | VNM-DMPS1 | SGP | 20 | 3 | NCC | 26 08:30-17:00 | no | -
DMPS2-DZA | VNM-DMPS2 | DZA | 20 | 3 | NCC | 26 08:30-17:00 | no | -
DMPS2-BFA | VNM-DMPS2 | BFA | 20 | 3 | NCC | 26 08:30-17:00 | no | -
DMPS2-DOM | VNM-DMPS2 | DOM | 20 | 3 | NCC | 26 08:30-17:00 | no | -
DMPS2-JAM | VNM-DMPS2 | JAM | 20 | 3 | NCC | 26 08:30-17:00 | no | -
# ---- visiting delegations among themselves, at the NCC ----
P01 | RUS | BLR | 30 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
P02 | RUS | CHN | 30 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
P03 | KHM | THA | 30 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
P04 | MYS | THA | 30 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
P05 | PHL | MYS | 30 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
P06 | BRN | SGP | 30 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P07 | POL | EU | 30 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
P08 | NGA | GHA | 30 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
P09 | ZAF | ZWE | 30 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
P10 | ZAF | MOZ | 30 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P11 | AGO | MOZ | 30 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P12 | NAM | ZAF | 30 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P13 | KEN | TZA | 30 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P14 | UGA | RWA | 30 | 2 | NCC | 25 18:00 - 26 17:00 | no | -
P15 | EGY | DJI | 30 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P16 | CUB | VEN | 20 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P17 | BRA | CHL | 20 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P18 | ECU | PER | 20 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P19 | CRI | DOM | 30 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P20 | JAM | DOM | 30 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P21 | IRN | RUS | 30 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
P22 | KAZ | UZB | 30 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P23 | KGZ | KAZ | 30 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P24 | TUR | AZE | 30 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P25 | LKA | MDV | 30 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P26 | PNG | AUS | 30 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
P27 | PLW | AUS | 20 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P28 | NRU | AUS | 20 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P29 | SEN | CIV | 30 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P30 | BFA | TGO | 30 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P31 | CIV | GHA | 30 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P32 | IDN | MYS | 20 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
P33 | SGP | MYS | 20 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P34 | KOR | PHL | 20 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P35 | MLI | BFA | 30 | 2 | NCC | 25 18:00 - 26 17:00 | no | -
P36 | ZMB | ZWE | 30 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P37 | MUS | ZAF | 30 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P38 | EU | UNODC | 30 | 3 | NCC | 25 12:00 - 26 17:00 | no | -
P39 | INTERPOL | ASEANAPOL | 30 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
P40 | COE | EU | 20 | 2 | NCC | 25 12:00 - 26 17:00 | no | -
"""

# Security and traffic windows.
WINDOWS = """
id | from | to | scope | effect | reason
W01 | 25 06:00 | 25 07:30 | room:PLEN | closed | Main hall swept (dogs, explosives, listening devices) and sealed before the doors open
W02 | 26 06:00 | 26 07:45 | room:PLEN | closed | Main hall swept again before day 2
W03 | 26 06:00 | 26 08:30 | room_kind:bilateral | closed | Bilateral suites and reception rooms swept and sealed until first use
W04 | 24 11:20 | 24 12:05 | venue:NOIBAI | no_arrivals | Airport road closed for the Lao leader's motorcade to the city
W05 | 24 15:20 | 24 16:05 | venue:NOIBAI | no_arrivals | Airport road closed for the Secretary-General's motorcade to the city
W06 | 25 18:30 | 25 19:30 | venue:NOIBAI | no_arrivals | VIP terminal and airport road closed for the Secretary-General's departure
W07 | 24 15:30 | 24 17:45 | person:VNM-NA | closed | National Assembly sitting: relief of the Minister of Foreign Affairs
W08 | 25 13:30 | 25 15:00 | person:VNM-NA | closed | National Assembly sitting: appointment and oath of the Minister of Foreign Affairs
W09 | 25 06:00 | 25 07:15 | person:UN | closed | The Secretary-General's morning: no appointments before the welcome ceremony
"""

# The Notes sheet: which rows come from where.
NOTES = (
    (
        "Event, dates, venue, theme",
        "Signing Ceremony and High-Level Conference, 25-26 Oct 2025, "
        "National Convention Centre (NCC), Hanoi; opening at 09:00 on 25 Oct",
        "[S]",
        "https://vietnam.vnanet.vn/english/tin-van/signing-ceremony-of-un-"
        "convention-against-cybercrime-to-open-in-hanoi-today-412565.html",
    ),
    (
        "Settings: days",
        "24 Oct is in the scenario for arrivals and the Secretary-General's "
        "official visit; 06:00-21:00 each day",
        "[S] 24 Oct visit, [A] hours",
        "https://vietnamnews.vn/politics-laws/1728140/un-secretary-general-"
        "concludes-official-visit-to-viet-nam.html",
    ),
    (
        "Delegations: signatories and their day",
        "71 states and the European Union sign (column signs): 25 Oct for "
        "Algeria to Jamaica and for the states the Dutch treaty register dates "
        "25 Oct; 26 Oct for Mali, Rwanda and Saudi Arabia",
        "[S]",
        "https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter"
        "%20XVIII/XVIII-16.en.xml ; https://verdragen.nl/nl/Verdrag/Details/"
        "013891_p.html",
    ),
    (
        "Delegations: signatories after Türkiye",
        "Uganda, United Kingdom, Uruguay, Venezuela, Viet Nam, Zimbabwe, "
        "South Africa, Sweden signed in Hanoi; Uruguay, Venezuela, Zimbabwe "
        "on 25 Oct, Viet Nam first",
        "[S]",
        "https://newshour.media/2025/10/29/in-hanoi-72-states-ratify-the-un-"
        "convention-on-cybercrime ; http://www.ecofinagency.com/news-digital/"
        "2710-49864-at-hanoi-forum-21-african-nations-sign-on-to-un-cyber-"
        "treaty ; https://administrador.m24.com.uy/herramienta-fundamental-"
        "uruguay-firmo-en-vietnam-la-convencion-de-la-onu-contra-el-"
        "cibercrimen ; https://cybercory.com/2025/10/27/zimbabwe-joins-global-"
        "frontline-in-fight-against-cybercrime-with-hanoi-convention-signing",
    ),
    (
        "Delegations: 26 Oct for the United Kingdom, Uganda, South Africa, "
        "Sweden",
        "The only signatories left without a dated source once the others are "
        "placed; the UN counted 65 signatures on day 1 (the EU included)",
        "[D]",
        "https://www.wam.ae/en/article/bmdsepq-sixty-five-nations-sign-first-"
        "treaty-fight ; https://www.vientianetimes.org.la/freefreenews/"
        "freecontent_207_Laos_signs_y25.php",
    ),
    (
        "Delegations: came and did not sign",
        "United States, Canada, Japan, India, New Zealand, Mexico, Israel did "
        "not sign; the United States and Canada sent diplomats and officials; "
        "Israel's ambassador attended",
        "[S]",
        "https://newshour.media/2025/10/29/in-hanoi-72-states-ratify-the-un-"
        "convention-on-cybercrime ; https://ariesonline.com.ar/contenido/"
        "178331/cibercrimen-68-paises-firman-convencion-de-la-onu-en-vietnam "
        "; https://en.nhandan.vn/viet-nam-earns-praise-for-hosting-landmark-ha"
        "-noi-convention-signing-ceremony-post154572.html",
    ),
    (
        "Delegations: the other non-signatories",
        "Which further states attended is not in the sources found: 32 states "
        "chosen to make about 110 national delegations (the organisers' "
        "count); Japan and India are represented by their ambassadors",
        "[A]",
        "https://en.cand.com.vn/politics/highlights-of-the-signing-ceremony-"
        "of-the-hanoi-convention-i606865",
    ),
    (
        "Delegations: named heads",
        "Laos (Thongloun Sisoulith; General Vilay Lakhamfong signs), Poland "
        "(Gawkowski), Russia (Prosecutor General Gutsan), Belarus (Kubrako), "
        "Thailand (Chaichanok Chidchob), Philippines (Aguda), Australia "
        "(Thistlethwaite), South Africa (Kubayi), Zimbabwe (Mavetera), Israel "
        "(Mayer), Palestine (Mansour), EU (Onidi), United Kingdom (Frew; "
        "Whittaker speaks)",
        "[S]",
        "https://laotiantimes.com/?p=134383 ; https://en.baoquocte.vn/"
        "reception-for-heads-of-delegations-at-the-un-convention-against-"
        "cybercrime-signing-ceremony-332221.html ; https://www.vietnam.vn/en/"
        "cong-uoc-ha-noi-dau-moc-lich-su-ve-an-ninh-mang-va-vai-tro-chu-nha-"
        "cua-viet-nam ; https://hanoiconvention.org/statement/kingdom-of-"
        "thailands-statement/ ; https://www.rajahtannasia.com/?p=185145 ; "
        "https://english.vov.vn/en/politics/diplomacy/un-member-states-pledge"
        "-to-turn-hanoi-convention-into-global-action-post1240832.vov ; "
        "https://www.itweb.co.za/article/sa-adds-name-to-universal-cyber-"
        "crime-framework/6GxRKMYQYlQMb3Wj ; https://vietnamlawmagazine.vn/"
        "vietnam-earns-praise-for-hosting-landmark-hanoi-convention-signing-"
        "ceremony-75636.html ; https://www.solicitorsjournal.com/sjarticle/"
        "uk-signs-landmark-convention-against-cybercrime",
    ),
    (
        "Delegations: heads not named",
        "The office alone, an office that state or organisation has; that "
        "this office led the delegation, and its rank, are assumptions. No "
        "head_since: nobody's date of taking office is used",
        "[A]",
        "review.md §1.3 (offices that do not exist)",
    ),
    (
        "Delegations: Laos guest of honour",
        "Thongloun Sisoulith attended as guest of honour; received by the "
        "Prime Minister on 24 Oct and by the General Secretary on 25 Oct",
        "[S]",
        "https://en.baoquocte.vn/reception-for-heads-of-delegations-at-the-"
        "un-convention-against-cybercrime-signing-ceremony-332221.html ; "
        "https://vietnamnews.vn/politics-laws/1728055/vietnamese-prime-"
        "minister-hosts-top-leader-of-laos.html",
    ),
    (
        "Delegations: the Secretary-General",
        "Co-chair (his delegation role co_host): lands on the afternoon of 24 "
        "Oct, received by the Chairman of the Hanoi People's Committee, with "
        "UNODC's Executive Director Ghada Waly in his party (People role "
        "co_chair: she co-organises and co-chairs with the host); leaves on "
        "the evening of 25 Oct (18:15 [A]); John Brandolino heads UNODC's "
        "delegation",
        "[S] dates, [A] times",
        "https://en.sggp.org.vn/un-secretary-general-begins-official-visit-"
        "to-vietnam-post121260.html ; https://vietnamnews.vn/politics-laws/"
        "1728140/un-secretary-general-concludes-official-visit-to-viet-nam."
        "html",
    ),
    (
        "People: the host",
        "President Luong Cuong; General Secretary To Lam; Prime Minister Pham"
        " Minh Chinh; NA Chairman Tran Thanh Man; Deputy PM Bui Thanh Son; "
        "Foreign Minister Le Hoai Trung from 25 Oct; General Luong Tam Quang;"
        " Deputy Ministers Pham The Tung, Le Quoc Hung, Nguyen Minh Vu, Dang "
        "Hoang Giang; Hanoi Chairman Tran Sy Thanh",
        "[S]",
        "https://ja.laodong.vn/thoi-su/ong-le-hoai-trung-giu-chuc-bo-truong-"
        "bo-ngoai-giao-1597202.ldo ; https://vietnam.vnanet.vn/english/"
        "tin-van/party-chief-welcomes-un-secretary-general-in-hanoi-412700."
        "html ; https://en.cand.com.vn/politics/highlights-of-the-signing-"
        "ceremony-of-the-hanoi-convention-i606865 ; https://vnnow.net/en/"
        "world/vietnam-promotes-hanoi-convention-signing-ceremony-at-un-"
        "140742.html",
    ),
    (
        "People: availability and daily limits",
        "When each host principal is free for the event (the Prime Minister "
        "leaves for the ASEAN Summit in Kuala Lumpur after day 1), limits a "
        "day, protocol officials by office only",
        "[A]",
        "facts.md §5",
    ),
    (
        "Order of signature",
        "Viet Nam first, signed by General Luong Tam Quang; Laos signed by "
        "General Vilay Lakhamfong; the heads sign for the others; order by "
        "level, then English alphabetical from a letter drawn by lot (letter "
        "[A]); latecomers move to the 26 Oct signature",
        "[S] host first and signatories, [A] rule",
        "https://m.vovworld.vn/de-DE/nachrichten/vietnam-wird-"
        "verantwortungsvoll-zur-globalen-cybersicherheit-beitragen-1434985."
        "vov ; https://www.vientianetimes.org.la/freefreenews/"
        "freecontent_207_Laos_signs_y25.php",
    ),
    (
        "Programme 25 Oct",
        "Welcome ceremony chaired by the President, group photo, visit to the "
        "VNA photo exhibition, then 09:00 opening (President, Secretary-"
        "General, UNODC), signing run by the UN Office of Legal Affairs right "
        "after the opening; press conference of the PM and the SG in the "
        "afternoon; plenary 14:00-17:00 co-chaired by the PM and the SG; "
        "banquet hosted by the President in the evening",
        "[S] order and anchors, [A] other times",
        "https://en.vietnamplus.vn/signing-ceremony-of-united-nations-"
        "convention-against-cybercrime-solemly-opens-in-hanoi-post331158.vnp "
        "; https://hanoiconvention.org/statement/republic-of-the-"
        "philippiness-statement/ ; https://english.thesaigontimes.vn/signing"
        "-of-hanoi-convention-against-cybercrime-seen-as-historic-event ; "
        "https://vietnam.vnanet.vn/english/tin-van/state-president-hosts-"
        "banquet-for-delegates-attending-hanoi-convention-signing-ceremony-"
        "412699.html",
    ),
    (
        "Programme: the co-chairs open the plenary",
        "The PM and the SG are held for the first 30 minutes, then hand over",
        "[A]",
        "review.md §2.5",
    ),
    (
        "Programme 24 Oct",
        "The Secretary-General: wreath at the Mausoleum, official welcome, "
        "talks and state banquet with the President, meetings with the PM and "
        "the NA Chairman; the PM receives the Lao leader; the Deputy PM and "
        "the President meet Poland's Deputy PM",
        "[S] events, [A] times",
        "https://vietnamnews.vn/politics-laws/1728140/un-secretary-general-"
        "concludes-official-visit-to-viet-nam.html ; https://en.baoquocte.vn/"
        "reception-for-heads-of-delegations-at-the-un-convention-against-"
        "cybercrime-signing-ceremony-332221.html",
    ),
    (
        "Programme 26 Oct",
        "Plenary continues (62 countries and organisations; 71 remarks in "
        "all), signatures continue, closing remarks by General Luong Tam "
        "Quang and UNODC (John Brandolino), international press conference "
        "co-chaired by Pham The Tung and Nguyen Minh Vu",
        "[S] events, [A] times",
        "https://vir.com.vn/hanoi-hosts-high-level-talks-on-global-cybercrime"
        "-cooperation-139450.html ; https://en.investglobal.vn/article/detail"
        "/72-nations-sign-landmark-hanoi-cybercrime-convention.html ; "
        "https://www.vietnam.vn/en/cong-uoc-ha-noi-dau-an-lich-su-va-khat-"
        "vong-hop-tac-toan-cau",
    ),
    (
        "Speakers lists",
        "19 national statements on 25 Oct (the Philippines among them), 52 "
        "statements on 26 Oct; who speaks when, and the order of inscription "
        "(confirmed_on), are assumptions",
        "[S] counts, [A] lists",
        "https://vir.com.vn/hanoi-hosts-high-level-talks-on-global-cybercrime"
        "-cooperation-139450.html",
    ),
    (
        "Side programme",
        "8 high-level discussions and roundtables chaired by Vietnamese "
        "ministries and UNODC, 32 workshops, 22 exhibitions; the VNA photo "
        "exhibition, the UN technology exhibition space, Russia's roundtable "
        "with a cyber drill, the multi-stakeholder session on implementation",
        "[S] counts and those four, [A] other titles",
        "https://vietnamnews.vn/politics-laws/1727345/state-leader-reviews-"
        "preparations-for-signing-ceremony-of-hanoi-convention.html ; "
        "https://en.qdnd.vn/foreign-affairs/multilateral-relations/hanoi-"
        "gears-up-to-host-opening-for-signature-of-u-n-convention-against-"
        "cybercrime-583579 ; https://aplecambodia.org/cambodia-signs-un-"
        "convention-against-cybercrime-boosting-cross-border-action-and-child"
        "-online-protection",
    ),
    (
        "Side-event slots",
        "26 Oct 09:00-10:15, 12:00-13:15, 13:30-14:45 [S]; 26 Oct 15:00-16:15"
        " and 25 Oct afternoon slots [A] (thematic side events on day 1 [S])",
        "[S]/[A]",
        "https://hanoiconvention.org/guidelines/",
    ),
    (
        "Rooms",
        "Main hall 3,500, banquet 800, 7 halls 400-700, meeting rooms, "
        "bilateral suites, villas, hold rooms, press rooms, exhibition foyer",
        "[S] totals, [A] codes and sizes",
        "https://mixmeetings.com/venues/national-convention-centre-hanoi/",
    ),
    (
        "Travel",
        "Noi Bai is 40 km from the NCC (45 min escorted); NCC to the Ba Dinh "
        "buildings 20 min; among them 5 min",
        "[S] distance, [A] times",
        "http://ncc.gov.vn/deputy-director-of-the-lao-prime-minister-s-office"
        "-visited-the-national-convention-center",
    ),
    (
        "Arrivals",
        "Every delegation that flies in lands at the Noi Bai VIP terminal "
        "(two gates) on 24 Oct or on the morning of 25 Oct, day-2 signatories"
        " may come later; greeted by a Deputy PM for a head of state, by a "
        "Vice-Minister for a minister, by a senior official otherwise; "
        "resident ambassadors do not fly in",
        "[A]",
        "facts.md §4.3, §4.6",
    ),
    (
        "Arrivals: a delayed flight",
        "Tanzania's minister lands during the opening on 25 Oct (10:00-10:30):"
        " the delegation misses the welcome and its turn, and signs at the "
        "end of the 25 Oct order of signature, marked late (late_policy end);"
        " 65 signed on day 1, 64 of them in the main session",
        "[A] contingency, [S] counts",
        "https://en.cand.com.vn/politics/highlights-of-the-signing-ceremony-"
        "of-the-hanoi-convention-i606865",
    ),
    (
        "Bilateral requests",
        "The seven sourced meetings are mandatory; the rest are assumptions, "
        "matched by rank: host leaders in their own buildings, the Ministry of"
        " Public Security and visiting pairs at the NCC, none before the "
        "welcome on 25 Oct",
        "[S] seven, [A] others",
        "https://vietnamnews.vn/politics-laws?p=52",
    ),
    (
        "Security windows",
        "Main-hall sweep before doors open, bilateral suites swept before "
        "first use, airport-road closures for the Lao leader's and the "
        "Secretary-General's motorcades and departure; the National Assembly "
        "sittings of 24-25 Oct that relieved and appointed the Foreign "
        "Minister hold its Chairman (the new Minister is free from 15:00 on "
        "25 Oct); no appointments for the Secretary-General before the "
        "welcome ceremony",
        "[S] sittings, [A] times",
        "https://ja.laodong.vn/thoi-su/ong-le-hoai-trung-giu-chuc-bo-truong-"
        "bo-ngoai-giao-1597202.ldo ; https://vietnamnews.vn/society/1727896/"
        "ha-noi-police-move-to-ensure-traffic-order-for-hanoi-convention-"
        "signing-ceremony.html",
    ),
    (
        "Meal breaks",
        "A 45-minute lunch in a hold room for the principals",
        "[A]",
        "review.md §1.6",
    ),
)
