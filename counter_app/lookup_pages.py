"""The pages of the public status look-up (`lookup_server.py`): Vietnamese HTML and the JSON body.

Guarantees: every value from the database or the request is HTML-escaped (attribute-safe); pages
are self-contained (inline CSS, no script, no image, no font or other external resource) so the
server's Content-Security-Policy can forbid everything else; they read well on a phone (one
column under 560 px) and print plainly. Text is NFC. No Qt.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from counter_app.services.public_status import CentreHeader, PublicStatus

LOOKUP_PATH = "/tra-cuu-ho-so"
API_PREFIX = "/api/ho-so/"
SHOWN_INPUT = 80  # characters of a not-found query echoed back into the search box

_CSS = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#eef1f6;color:#1c2430;font:16px/1.5 "Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif}
.top{background:#0b3d91;color:#fff;border-bottom:4px solid #c62828}
.bar{max-width:760px;margin:0 auto;padding:14px 20px;display:flex;gap:14px;align-items:center}
.mark{flex:none;width:46px;height:46px;border-radius:50%;background:#c62828;color:#ffd54f;font-size:28px;line-height:46px;
text-align:center;border:2px solid #ffd54f}
.parent{margin:0;font-size:13px;letter-spacing:.04em;opacity:.9}
.centre{margin:0;font-size:18px;font-weight:700;letter-spacing:.02em}
main{max-width:760px;margin:0 auto;padding:20px}
h1{margin:6px 0 16px;font-size:22px;color:#0b3d91;text-transform:uppercase;letter-spacing:.03em}
.card{background:#fff;border:1px solid #d5dbe5;border-radius:10px;box-shadow:0 1px 3px rgba(16,24,40,.08);margin:0 0 18px}
.state{padding:16px 20px;border-bottom:1px solid #e3e7ee;border-left:6px solid #1565c0;border-radius:10px 10px 0 0;
background:#f4f8fe}
.state.done{border-left-color:#2e7d32;background:#f2f8f2}.state.wait{border-left-color:#ef6c00;background:#fff7ee}
.state.late{border-left-color:#c62828;background:#fdf2f2}
.state small{display:block;color:#5f6b7a;font-size:13px;text-transform:uppercase;letter-spacing:.05em}
.state strong{font-size:22px;color:#0b3d91}
.state.done strong{color:#1b5e20}.state.wait strong{color:#a84300}
.flag{display:inline-block;margin-left:10px;padding:2px 10px;border-radius:12px;background:#c62828;color:#fff;font-size:13px;
font-weight:700;vertical-align:middle}
dl{margin:0;padding:6px 20px 12px;display:grid;grid-template-columns:minmax(150px,34%) 1fr;column-gap:16px}
dt,dd{padding:9px 0;border-bottom:1px solid #eef1f6}
dt{color:#5f6b7a}
dd{margin:0;font-weight:600;overflow-wrap:anywhere}
dl>:nth-last-child(-n+2){border-bottom:none}
.code{font-family:"DejaVu Sans Mono",Consolas,monospace;letter-spacing:.02em}
.late-text{color:#c62828}
.empty{padding:22px 20px}
.empty p{margin:0 0 6px}
.empty strong{font-size:20px;color:#8a1c00}
form{display:flex;flex-wrap:wrap;gap:10px;padding:16px 20px}
form label{flex-basis:100%;font-weight:600}
input{flex:1 1 240px;min-width:0;font:inherit;padding:10px 12px;border:1px solid #9aa5b4;border-radius:6px}
input:focus{outline:3px solid #90caf9;border-color:#1565c0}
button{font:inherit;font-weight:700;padding:10px 22px;border:0;border-radius:6px;background:#0b3d91;color:#fff;cursor:pointer}
.hint{margin:0;padding:0 20px 16px;color:#5f6b7a;font-size:14px}
.note{color:#5f6b7a;font-size:13px;margin:0 4px 18px}
footer{max-width:760px;margin:0 auto;padding:0 20px 28px;color:#7a8594;font-size:12px}
@media (max-width:560px){dl{grid-template-columns:1fr}dt{border:0;padding:10px 0 0;font-size:14px}dd{padding:0 0 10px}
.centre{font-size:16px}h1{font-size:19px}}
@media print{body{background:#fff}.top{background:#fff;color:#000;border-bottom:2px solid #000}.card{box-shadow:none}
form,.hint{display:none}}
"""

_WAITING = {5, 6}  # supplement requested, waiting for fees: the applicant has something to do


def when(value: datetime | None) -> str:
    """"09:30 ngày 26/11/2026", as Vietnamese notices write a time and a date."""
    if value is None:
        return "—"
    return f"{value.hour:02d}:{value.minute:02d} ngày {value.day:02d}/{value.month:02d}/{value.year}"


def _page(header: CentreHeader, title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f"<title>{escape(title)} — {escape(header.centre_name)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        '<header class="top"><div class="bar"><div class="mark" aria-hidden="true">★</div><div>'
        f'<p class="parent">{escape(header.parent_body)}</p><p class="centre">{escape(header.centre_name)}</p>'
        f"</div></div></header>\n<main>\n<h1>Tra cứu tình trạng hồ sơ</h1>\n{body}</main>\n"
        "<footer>Thông tin do Bộ phận Tiếp nhận và Trả kết quả cung cấp, chỉ có giá trị tra cứu. "
        "Cần hỗ trợ, vui lòng liên hệ quầy tiếp nhận và mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả.</footer>\n"
        "</body>\n</html>\n"
    )


def _form(value: str = "", *, autofocus: bool = False) -> str:
    focus = " autofocus" if autofocus else ""
    return (
        f'<section class="card"><form method="get" action="{LOOKUP_PATH}" role="search">'
        '<label for="ma">Mã hồ sơ</label>'
        f'<input id="ma" name="ma" value="{escape(value[:SHOWN_INPUT])}" maxlength="60" autocomplete="off" '
        f'autocapitalize="characters" spellcheck="false" placeholder="Ví dụ: 000.00.06.H15-261126-0001" required{focus}>'
        '<button type="submit">Tra cứu</button></form>'
        '<p class="hint">Mã hồ sơ in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả; '
        "quét mã QR trên giấy để mở thẳng trang này.</p></section>\n"
    )


def form_page(header: CentreHeader) -> str:
    return _page(header, "Tra cứu hồ sơ", _form(autofocus=True))


def status_page(header: CentreHeader, status: PublicStatus) -> str:
    if status.overdue:
        state, flag = "late", '<span class="flag">Quá hạn</span>'
    else:
        state, flag = ("done" if status.finished else "wait" if status.status in _WAITING else ""), ""
    due = escape(when(status.due_at))
    if status.overdue:
        due += ' <span class="late-text">(đã quá ngày hẹn trả)</span>'
    rows = (
        ("Mã hồ sơ", f'<span class="code" id="ma-ho-so">{escape(status.code)}</span>'),
        ("Người nộp", f'<span id="nguoi-nop">{escape(status.masked_name)}</span>'),
        ("Thủ tục", escape(status.procedure_name)),
        ("Cơ quan giải quyết", escape(status.department_name)),
        ("Ngày tiếp nhận", escape(when(status.received_at))),
        ("Ngày hẹn trả kết quả", f'<span id="hen-tra">{due}</span>'),
        ("Cập nhật lần cuối", escape(when(status.last_update))),
    )
    body = (
        f'<section class="card" id="ket-qua" aria-live="polite"><div class="state {state}"><small>Tình trạng</small>'
        f'<strong id="tinh-trang">{escape(status.status_label)}</strong>{flag}</div>\n<dl>\n'
        + "".join(f"<dt>{label}</dt><dd>{value}</dd>\n" for label, value in rows)
        + "</dl></section>\n"
        '<p class="note">Họ tên người nộp được che một phần để bảo vệ dữ liệu cá nhân. '
        "Trang này không hiển thị giấy tờ tùy thân, địa chỉ hay số điện thoại.</p>\n"
        + _form()
    )
    return _page(header, f"Hồ sơ {status.code}", body)


def not_found_page(header: CentreHeader, typed: str) -> str:
    body = (
        '<section class="card" id="khong-tim-thay"><div class="empty"><p><strong>Không tìm thấy hồ sơ</strong></p>'
        "<p>Vui lòng kiểm tra lại mã hồ sơ in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.</p></div></section>\n"
        + _form(typed)
    )
    return _page(header, "Không tìm thấy hồ sơ", body)


def message_page(header: CentreHeader, title: str, text: str) -> str:
    """A plain notice (too many requests, service unavailable, page not found…)."""
    body = (f'<section class="card" id="thong-bao"><div class="empty"><p><strong>{escape(title)}</strong></p>'
            f"<p>{escape(text)}</p></div></section>\n")
    return _page(header, title, body)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="minutes") if value else None


def status_json(status: PublicStatus) -> dict:
    return {
        "code": status.code, "status": status.status, "status_label": status.status_label,
        "procedure": status.procedure_name, "department": status.department_name,
        "received_at": _iso(status.received_at), "due_at": _iso(status.due_at), "last_update": _iso(status.last_update),
        "applicant": status.masked_name, "overdue": status.overdue, "finished": status.finished,
    }
