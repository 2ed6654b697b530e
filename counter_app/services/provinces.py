"""Province codes used inside Vietnamese identifiers and landline numbers (pure data, no logic).

`PROVINCE_CODES` - the first three digits of a personal identification number (CCCD), i.e. the
place where the birth was registered. These are the 63 pre-2025 province codes of Circular
07/2016/TT-BCA (Annex, as amended by Circular 59/2021/TT-BCA), which reuse the two-digit
administrative-unit codes of Decision 124/2004/QD-TTg with a leading 0. Numbers already issued
keep their code after the 2025 merger into 34 provinces; the merged provinces keep the code of
the province whose name was retained (e.g. Tuyen Quang 008 absorbs Ha Giang 002), so every code
in use is still in this table.

`LANDLINE_AREA_CODES` - fixed-line area codes after the 2017-2018 renumbering (Circular
22/2014/TT-BTTTT, as amended): the digits after the trunk "0"; every fixed number is then
"0" + area code + subscriber number = 11 digits.
"""

from __future__ import annotations

PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu",
    "079": "Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}

LANDLINE_AREA_CODES: dict[str, str] = {
    "24": "Hà Nội",
    "28": "Hồ Chí Minh",
    "203": "Quảng Ninh",
    "204": "Bắc Giang",
    "205": "Lạng Sơn",
    "206": "Cao Bằng",
    "207": "Tuyên Quang",
    "208": "Thái Nguyên",
    "209": "Bắc Kạn",
    "210": "Phú Thọ",
    "211": "Vĩnh Phúc",
    "212": "Sơn La",
    "213": "Lai Châu",
    "214": "Lào Cai",
    "215": "Điện Biên",
    "216": "Yên Bái",
    "218": "Hòa Bình",
    "219": "Hà Giang",
    "220": "Hải Dương",
    "221": "Hưng Yên",
    "222": "Bắc Ninh",
    "225": "Hải Phòng",
    "226": "Hà Nam",
    "227": "Thái Bình",
    "228": "Nam Định",
    "229": "Ninh Bình",
    "232": "Quảng Bình",
    "233": "Quảng Trị",
    "234": "Thừa Thiên Huế",
    "235": "Quảng Nam",
    "236": "Đà Nẵng",
    "237": "Thanh Hóa",
    "238": "Nghệ An",
    "239": "Hà Tĩnh",
    "251": "Đồng Nai",
    "252": "Bình Thuận",
    "254": "Bà Rịa - Vũng Tàu",
    "255": "Quảng Ngãi",
    "256": "Bình Định",
    "257": "Phú Yên",
    "258": "Khánh Hòa",
    "259": "Ninh Thuận",
    "260": "Kon Tum",
    "261": "Đắk Nông",
    "262": "Đắk Lắk",
    "263": "Lâm Đồng",
    "269": "Gia Lai",
    "270": "Vĩnh Long",
    "271": "Bình Phước",
    "272": "Long An",
    "273": "Tiền Giang",
    "274": "Bình Dương",
    "275": "Bến Tre",
    "276": "Tây Ninh",
    "277": "Đồng Tháp",
    "290": "Cà Mau",
    "291": "Bạc Liêu",
    "292": "Cần Thơ",
    "293": "Hậu Giang",
    "294": "Trà Vinh",
    "296": "An Giang",
    "297": "Kiên Giang",
    "299": "Sóc Trăng",
}

# Mobile network prefixes in service (after the 2018 move of 11-digit numbers to 10 digits).
# Viettel 032-039, 086, 096-098; VinaPhone 081-085, 088, 091, 094; MobiFone 070, 076-079,
# 089, 090, 093; Vietnamobile 052, 056, 058, 092; Gmobile 059, 099; Reddi 055; iTel 087.
# 095 (the former S-Fone) was withdrawn and is not assigned.
MOBILE_PREFIXES: frozenset[str] = frozenset(
    [f"03{d}" for d in "23456789"]
    + ["052", "055", "056", "058", "059", "070", "076", "077", "078", "079"]
    + [f"08{d}" for d in "123456789"]
    + ["090", "091", "092", "093", "094", "096", "097", "098", "099"]
)
