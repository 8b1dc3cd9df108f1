"""The LA codes a UPN may carry in characters 2 to 4: the one list apdesk checks them against.

Rule: school census validation 1530, "UPN invalid (characters 2-4 not a recognised LA code)":
characters 2-4 of a UPN (and of a former UPN) must be a recognised LA code or a recognised
pseudo-LA code. Source of the list: the DfE's local authority codes as published with the
school census business and technical specification (Get Information about Schools holds the
same codes), with the councils created since 2019: 838 Dorset and 839 Bournemouth,
Christchurch and Poole (April 2019), 940 North Northamptonshire and 941 West Northamptonshire
(April 2021), 942 Cumberland and 943 Westmorland and Furness (April 2023). Their predecessors'
codes stay valid, because UPNs allocated under them stay in use for the pupil's whole school
life. The pseudo-LA codes 001 to 005 are those census validation accepts for UPNs not
allocated by a real authority.

Checked against: the list the apdesk team keeps with its domain notes (which names the rule
and the codes above). Not yet checked line by line against the DfE's current published list:
when the DfE adds a council, add its code here and to the test that names it. python-stdnum's
list dates from 2011 and lacks the codes above, so apdesk does not use it.
"""

from __future__ import annotations

SOURCE = (
    "school census validation 1530; DfE local authority codes (school census business and "
    "technical specification), with the councils formed in 2019, 2021 and 2023"
)

# Inclusive ranges of three-digit codes.
_RANGES: tuple[tuple[int, int], ...] = (
    (1, 5),  # pseudo-LA codes
    (201, 213),  # inner London
    (301, 320),  # outer London
    (330, 336),  # West Midlands metropolitan districts
    (340, 344),  # Merseyside
    (350, 359),  # Greater Manchester
    (370, 373),  # South Yorkshire
    (380, 384),  # West Yorkshire
    (390, 394),  # Tyne and Wear
    (420, 420),  # Isles of Scilly
    (660, 681),  # Welsh authorities
    (701, 708),  # codes outside England's councils that UPNs may carry
    (800, 803),
    (805, 808),
    (810, 813),
    (815, 816),
    (820, 823),
    (825, 826),
    (830, 831),
    (835, 841),  # 838 Dorset and 839 BCP since 2019; 835-837 their predecessors
    (845, 846),
    (850, 852),
    (855, 857),
    (860, 861),
    (865, 896),
    (908, 909),
    (916, 916),
    (919, 919),
    (921, 921),
    (925, 926),
    (928, 929),
    (931, 931),
    (933, 933),
    (935, 938),
    (940, 943),  # North and West Northamptonshire (2021), Cumberland, Westmorland and Furness
)

LA_CODES: frozenset[str] = frozenset(
    f"{code:03d}" for low, high in _RANGES for code in range(low, high + 1)
)


def is_recognised_la(code: str) -> bool:
    """True for a recognised LA or pseudo-LA code ('855', '001'), as census rule 1530 asks."""
    return code in LA_CODES
