"""Which ITU region a country belongs to (ISO 3166-1 alpha-2 codes).

The grouping follows the ITU Development Sector's regional offices. Georgia, Moldova and Ukraine are
placed in Europe and the Arab League members in Arab States (see docs/decisions.md). A code that is
not listed (a territory without its own ITU membership) has no region.
"""

from __future__ import annotations

from cwgcop.bodies.enums import Region

_ARAB_STATES = "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE"
_CIS = "AM AZ BY KZ KG RU TJ TM UZ"
_AFRICA = (
    "AO BJ BW BF BI CV CM CF TD CG CD CI GQ ER SZ ET GA GM GH GN GW KE LS LR MG MW ML MU MZ NA NE NG "
    "RW ST SN SC SL ZA SS TZ TG UG ZM ZW RE YT SH"
)
_AMERICAS = (
    "AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT "
    "US UY VE PR AI AW BM BQ VG KY CW GF GP MQ MS BL MF SX TC VI GL PM FK"
)
_ASIA_PACIFIC = (
    "AF AU BD BT BN KH CN FJ IN ID IR JP KI KP KR LA MY MV MH FM MN MM NR NP NZ PK PW PG PH WS SB LK "
    "TH TL TO TV VU VN SG HK MO TW AS CK GU NC PF NU NF MP PN TK WF CC CX IO"
)
_EUROPE = (
    "AL AD AT BE BA BG HR CY CZ DK EE FI FR GE DE GR HU IS IE IL IT LV LI LT LU MT MD MC ME NL MK NO "
    "PL PT RO SM RS SK SI ES SE CH TR UA GB VA XK FO GI GG IM JE AX SJ"
)

COUNTRY_REGION: dict[str, Region] = {
    code: region
    for codes, region in (
        (_ARAB_STATES, Region.ARAB_STATES),
        (_CIS, Region.CIS),
        (_AFRICA, Region.AFRICA),
        (_AMERICAS, Region.AMERICAS),
        (_ASIA_PACIFIC, Region.ASIA_PACIFIC),
        (_EUROPE, Region.EUROPE),
    )
    for code in codes.split()
}


def region_of(country_code: str | None) -> Region | None:
    """The ITU region of ``country_code``, or ``None`` when it has none (or no country is given)."""
    if not country_code:
        return None
    return COUNTRY_REGION.get(country_code.upper())
