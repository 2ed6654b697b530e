<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
    <context>
        <name>App</name>
        <message>
            <source>counter_app cannot start</source>
            <translation>counter_app không khởi động được</translation>
        </message>
    </context>
    <context>
        <name>ApplicantForm</name>
        <message>
            <source>DD/MM/YYYY</source>
            <translation>ngày/tháng/năm</translation>
        </message>
        <message>
            <source>Not stated</source>
            <translation>Không khai</translation>
        </message>
        <message>
            <source>e.g. 0912 345 678</source>
            <translation>VD: 0912 345 678</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>không bắt buộc</translation>
        </message>
        <message>
            <source>Authorised &amp;representative</source>
            <translation>Người được ủy &amp;quyền</translation>
        </message>
        <message>
            <source>e.g. Giấy ủy quyền số 12/GUQ ngày 20/11/2026</source>
            <translation>VD: Giấy ủy quyền số 12/GUQ ngày 20/11/2026</translation>
        </message>
        <message>
            <source>Full &amp;name:</source>
            <translation>&amp;Họ và tên:</translation>
        </message>
        <message>
            <source>Applicant &amp;kind:</source>
            <translation>Đối tượn&amp;g:</translation>
        </message>
        <message>
            <source>&amp;Identifier type:</source>
            <translation>&amp;Loại giấy tờ:</translation>
        </message>
        <message>
            <source>Identifier n&amp;umber:</source>
            <translation>&amp;Số giấy tờ:</translation>
        </message>
        <message>
            <source>Date of &amp;birth:</source>
            <translation>&amp;Ngày sinh:</translation>
        </message>
        <message>
            <source>Se&amp;x:</source>
            <translation>G&amp;iới tính:</translation>
        </message>
        <message>
            <source>A&amp;ddress:</source>
            <translation>Đị&amp;a chỉ:</translation>
        </message>
        <message>
            <source>P&amp;hone:</source>
            <translation>Điện th&amp;oại:</translation>
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation>&amp;Email:</translation>
        </message>
        <message>
            <source>Na&amp;me:</source>
            <translation>Họ &amp;và tên:</translation>
        </message>
        <message>
            <source>Identi&amp;fier:</source>
            <translation>Số giấ&amp;y tờ:</translation>
        </message>
        <message>
            <source>Authorisation &amp;letter:</source>
            <translation>Văn bản ủy q&amp;uyền:</translation>
        </message>
        <message>
            <source>Organisation &amp;name:</source>
            <translation>Tên tổ c&amp;hức:</translation>
        </message>
        <message>
            <source>12 digits, e.g. 066190001234</source>
            <translation>12 chữ số, VD: 066190001234</translation>
        </message>
        <message>
            <source>10 digits, or 10 + branch: 0100109106-001</source>
            <translation>10 chữ số, hoặc kèm mã chi nhánh: 0100109106-001</translation>
        </message>
        <message>
            <source>letters and digits, e.g. C1234567</source>
            <translation>chữ cái và chữ số, VD: C1234567</translation>
        </message>
    </context>
    <context>
        <name>AuditTableModel</name>
        <message>
            <source>Time</source>
            <translation>Giờ</translation>
        </message>
        <message>
            <source>Ticket</source>
            <translation>Số phiếu</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Việc</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Người làm</translation>
        </message>
        <message>
            <source>Reason / note</source>
            <translation>Lý do / ghi chú</translation>
        </message>
    </context>
    <context>
        <name>CentralSection</name>
        <message>
            <source>Central database</source>
            <translation>Cơ sở dữ liệu trung tâm</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Đang kiểm tra…</translation>
        </message>
        <message>
            <source>empty: the password is in the URL</source>
            <translation>để trống: mật khẩu đã có trong URL</translation>
        </message>
        <message>
            <source>Replace the workstation that used this counter number</source>
            <translation>Thay thế máy trạm đã dùng số quầy này</translation>
        </message>
        <message>
            <source>&amp;Join as this counter</source>
            <translation>&amp;Kết nối với số quầy này</translation>
        </message>
        <message>
            <source>Central &amp;URL:</source>
            <translation>&amp;URL trung tâm:</translation>
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation>&amp;Mật khẩu:</translation>
        </message>
        <message>
            <source>Standalone: this workstation keeps its own database.</source>
            <translation>Độc lập: máy trạm này dùng cơ sở dữ liệu riêng.</translation>
        </message>
        <message>
            <source>Joined to {url} as counter {n}.</source>
            <translation>Đã kết nối với {url} làm quầy {n}.</translation>
        </message>
        <message>
            <source>Cannot read the central database link: {reason}</source>
            <translation>Không đọc được thông tin kết nối cơ sở dữ liệu trung tâm: {reason}</translation>
        </message>
        <message>
            <source>Enter the central database URL.</source>
            <translation>Nhập URL của cơ sở dữ liệu trung tâm.</translation>
        </message>
        <message>
            <source>Joined to {url} as counter {n}; {rows} rows loaded. Restart the app to work with the central database.</source>
            <translation>Đã kết nối với {url} làm quầy {n}; đã tải {rows} dòng dữ liệu. Hãy khởi động lại ứng dụng để làm việc với cơ sở dữ liệu trung tâm.</translation>
        </message>
        <message>
            <source>Unexpected error: {reason}</source>
            <translation>Lỗi không mong đợi: {reason}</translation>
        </message>
        <message>
            <source>Joining…</source>
            <translation>Đang kết nối…</translation>
        </message>
    </context>
    <context>
        <name>CollectorForm</name>
        <message>
            <source>The a&amp;pplicant (or their registered representative)</source>
            <translation>&amp;Người nộp hồ sơ (hoặc người đại diện đã đăng ký)</translation>
        </message>
        <message>
            <source>An a&amp;uthorised person</source>
            <translation>Người được ủ&amp;y quyền</translation>
        </message>
        <message>
            <source>type or scan the number on the identity card</source>
            <translation>nhập hoặc quét số trên thẻ căn cước</translation>
        </message>
        <message>
            <source>e.g. Giấy ủy quyền số 12/UQ ngày 20/11/2026</source>
            <translation>ví dụ: Giấy ủy quyền số 12/UQ ngày 20/11/2026</translation>
        </message>
        <message>
            <source>&amp;Identifier shown:</source>
            <translation>&amp;Số định danh xuất trình:</translation>
        </message>
        <message>
            <source>Full &amp;name:</source>
            <translation>&amp;Họ và tên:</translation>
        </message>
        <message>
            <source>Authorisation &amp;document:</source>
            <translation>&amp;Giấy ủy quyền:</translation>
        </message>
        <message>
            <source>The dossier names {name}, identifier {id}.</source>
            <translation>Hồ sơ ghi người nộp là {name}, số định danh {id}.</translation>
        </message>
        <message>
            <source>Representative: {representative}.</source>
            <translation>Người đại diện: {representative}.</translation>
        </message>
    </context>
    <context>
        <name>ConnectionBanner</name>
        <message>
            <source>Connection lost — reconnecting…</source>
            <translation>Mất kết nối — đang kết nối lại…</translation>
        </message>
    </context>
    <context>
        <name>CounterStatusBar</name>
        <message>
            <source>Counter {n}</source>
            <translation>Quầy {n}</translation>
        </message>
    </context>
    <context>
        <name>CounterTableModel</name>
        <message>
            <source>Counter</source>
            <translation>Quầy</translation>
        </message>
        <message>
            <source>Officer</source>
            <translation>Cán bộ</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Sent here</source>
            <translation>Chuyển riêng</translation>
        </message>
        <message>
            <source>Served today</source>
            <translation>Đã phục vụ</translation>
        </message>
        <message>
            <source>Avg wait</source>
            <translation>Chờ TB</translation>
        </message>
        <message>
            <source>Avg service</source>
            <translation>Phục vụ TB</translation>
        </message>
        <message>
            <source>Waiting for this counter only: {tickets}</source>
            <translation>Chỉ chờ quầy này: {tickets}</translation>
        </message>
    </context>
    <context>
        <name>DisplayBoard</name>
        <message>
            <source>Queue display</source>
            <translation>Bảng hiển thị số thứ tự</translation>
        </message>
        <message>
            <source>Please watch for your number</source>
            <translation>Quý khách vui lòng theo dõi số thứ tự của mình</translation>
        </message>
        <message>
            <source>Now calling</source>
            <translation>Đang mời</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Số</translation>
        </message>
        <message>
            <source>Counter</source>
            <translation>Quầy</translation>
        </message>
        <message>
            <source>Last calls</source>
            <translation>Các số vừa gọi</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Giờ</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Đang chờ</translation>
        </message>
        <message>
            <source>Number {number} to counter {counter}</source>
            <translation>Mời số {number} đến quầy {counter}</translation>
        </message>
        <message>
            <source>Please wait to be called</source>
            <translation>Xin quý khách vui lòng chờ đến lượt</translation>
        </message>
    </context>
    <context>
        <name>DocumentChecklist</name>
        <message>
            <source>Documents received</source>
            <translation>Giấy tờ đã nhận</translation>
        </message>
        <message>
            <source>Choose a procedure to see its documents.</source>
            <translation>Chọn thủ tục để xem thành phần hồ sơ.</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Giấy tờ</translation>
        </message>
        <message>
            <source>Originals</source>
            <translation>Bản chính</translation>
        </message>
        <message>
            <source>Photo-
copies</source>
            <translation>Bản
photo</translation>
        </message>
        <message>
            <source>Orig.</source>
            <translation>Bản chính</translation>
        </message>
        <message>
            <source>Cert.
copies</source>
            <translation>Bản sao
chứng thực</translation>
        </message>
        <message>
            <source>Received: {name}</source>
            <translation>Đã nhận: {name}</translation>
        </message>
        <message>
            <source>{name} (optional)</source>
            <translation>{name} (không bắt buộc)</translation>
        </message>
        <message>
            <source>Certified copies</source>
            <translation>Bản sao chứng thực</translation>
        </message>
        <message>
            <source>Photocopies</source>
            <translation>Bản photo</translation>
        </message>
    </context>
    <context>
        <name>DossierPage</name>
        <message>
            <source>No dossier open. Press F3 to find one, or scan a receipt.</source>
            <translation>Chưa mở hồ sơ nào. Nhấn F3 để tìm hồ sơ, hoặc quét mã trên giấy tiếp nhận.</translation>
        </message>
        <message>
            <source>Could not open {reference}: {reason}</source>
            <translation>Không mở được {reference}: {reason}</translation>
        </message>
    </context>
    <context>
        <name>DossierSummary</name>
        <message>
            <source>Dossier code</source>
            <translation>Mã hồ sơ</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Thủ tục</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>Người nộp</translation>
        </message>
        <message>
            <source>Identifier</source>
            <translation>Số định danh</translation>
        </message>
        <message>
            <source>Representative</source>
            <translation>Người đại diện</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Due for result</source>
            <translation>Hẹn trả kết quả</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Kết quả</translation>
        </message>
        <message>
            <source>Scan a receipt or choose a waiting result.</source>
            <translation>Quét giấy tiếp nhận hoặc chọn một kết quả đang chờ trả.</translation>
        </message>
        <message>
            <source>Result ready: check who collects it.</source>
            <translation>Đã có kết quả: kiểm tra người đến nhận kết quả.</translation>
        </message>
        <message>
            <source>Supplement requested: record it when the complete dossier is back.</source>
            <translation>Đang yêu cầu bổ sung: ghi nhận khi công dân nộp lại hồ sơ đầy đủ.</translation>
        </message>
        <message>
            <source>Waiting for fees or taxes: record the payment when the applicant has paid.</source>
            <translation>Chờ thực hiện nghĩa vụ tài chính: ghi nhận khi người nộp hồ sơ đã nộp phí, thuế.</translation>
        </message>
        <message>
            <source>No result to return: the dossier is “{status}”.</source>
            <translation>Không có kết quả để trả: hồ sơ đang ở trạng thái “{status}”.</translation>
        </message>
        <message>
            <source>Ready since {when}</source>
            <translation>Đã có kết quả từ {when}</translation>
        </message>
        <message>
            <source>Returned {when}</source>
            <translation>Đã trả kết quả lúc {when}</translation>
        </message>
        <message>
            <source>Not ready</source>
            <translation>Chưa có kết quả</translation>
        </message>
    </context>
    <context>
        <name>DossierView</name>
        <message>
            <source>Not yet at the centre</source>
            <translation>Chưa gửi lên trung tâm</translation>
        </message>
        <message>
            <source>Saved at this counter but not yet sent to the centre; it is sent automatically when the connection is back.</source>
            <translation>Đã lưu tại quầy này nhưng chưa gửi lên trung tâm; hồ sơ sẽ được gửi tự động khi có kết nối trở lại.</translation>
        </message>
        <message>
            <source>&amp;Reprint receipt (F5)</source>
            <translation>&amp;In lại giấy tiếp nhận (F5)</translation>
        </message>
        <message>
            <source>Pre&amp;view receipt</source>
            <translation>&amp;Xem trước giấy tiếp nhận</translation>
        </message>
        <message>
            <source>Other &amp;forms</source>
            <translation>&amp;Biểu mẫu khác</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Thủ tục</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>Cơ quan</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>Phí, lệ phí</translation>
        </message>
        <message>
            <source>Time limit</source>
            <translation>Thời hạn giải quyết</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Ngày nhận</translation>
        </message>
        <message>
            <source>Due for result</source>
            <translation>Hẹn trả kết quả</translation>
        </message>
        <message>
            <source>Originally due</source>
            <translation>Hạn trả ban đầu</translation>
        </message>
        <message>
            <source>Number of sets</source>
            <translation>Số bộ hồ sơ</translation>
        </message>
        <message>
            <source>Result returned</source>
            <translation>Đã trả kết quả</translation>
        </message>
        <message>
            <source>Ledger entry</source>
            <translation>Sổ theo dõi hồ sơ</translation>
        </message>
        <message>
            <source>Received by</source>
            <translation>Cán bộ tiếp nhận</translation>
        </message>
        <message>
            <source>Counter</source>
            <translation>Quầy</translation>
        </message>
        <message>
            <source>Applicant is</source>
            <translation>Đối tượng</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>Người nộp</translation>
        </message>
        <message>
            <source>Identifier</source>
            <translation>Số định danh</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Ngày sinh</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Giới tính</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Địa chỉ</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>Representative</source>
            <translation>Người đại diện</translation>
        </message>
        <message>
            <source>Authorisation document</source>
            <translation>Văn bản ủy quyền</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Giấy tờ</translation>
        </message>
        <message>
            <source>Originals</source>
            <translation>Bản chính</translation>
        </message>
        <message>
            <source>Certified copies</source>
            <translation>Bản sao chứng thực</translation>
        </message>
        <message>
            <source>Photocopies</source>
            <translation>Bản photo</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Giờ</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Người làm</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Thao tác</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Chi tiết</translation>
        </message>
        <message>
            <source>Printer or file</source>
            <translation>Máy in hoặc tệp</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Kết quả</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Lỗi</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Lịch sử xử lý</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Thành phần hồ sơ</translation>
        </message>
        <message>
            <source>Print log</source>
            <translation>Nhật ký in</translation>
        </message>
        <message>
            <source>overdue</source>
            <translation>quá hạn</translation>
        </message>
        <message>
            <source>No. {entry}, book {book}</source>
            <translation>Quyển số {book}, số thứ tự {entry}</translation>
        </message>
        <message>
            <source>Printed</source>
            <translation>Đã in</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Không in được</translation>
        </message>
        <message>
            <source>Documents ({n})</source>
            <translation>Thành phần hồ sơ ({n})</translation>
        </message>
        <message>
            <source>Print log ({n})</source>
            <translation>Nhật ký in ({n})</translation>
        </message>
        <message>
            <source>to {target}</source>
            <translation>tới {target}</translation>
        </message>
        <message>
            <source>counter {n}</source>
            <translation>quầy {n}</translation>
        </message>
        <message>
            <source>due {when}</source>
            <translation>hẹn trả {when}</translation>
        </message>
        <message>
            <source>error: {error}</source>
            <translation>lỗi: {error}</translation>
        </message>
        <message>
            <source>list {number}</source>
            <translation>danh sách {number}</translation>
        </message>
        <message>
            <source>new due {when}</source>
            <translation>hẹn trả mới {when}</translation>
        </message>
        <message>
            <source>was due {when}</source>
            <translation>hẹn trả cũ {when}</translation>
        </message>
        <message>
            <source>deadline {when}</source>
            <translation>hạn bàn giao {when}</translation>
        </message>
    </context>
    <context>
        <name>FindPage</name>
        <message>
            <source>Scan a receipt, or type a code, name, phone or identifier, then Enter</source>
            <translation>Quét giấy tiếp nhận, hoặc nhập mã, tên, số điện thoại, số giấy tờ rồi nhấn Enter</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Tìm kiếm</translation>
        </message>
        <message>
            <source>&amp;Find:</source>
            <translation>&amp;Tìm:</translation>
        </message>
        <message>
            <source>Type or scan something to search for.</source>
            <translation>Nhập hoặc quét nội dung cần tìm.</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Đang tìm…</translation>
        </message>
        <message>
            <source>Nothing found for “{query}”.</source>
            <translation>Không tìm thấy kết quả nào cho “{query}”.</translation>
        </message>
        <message numerus="yes">
            <source>%n result(s). Enter or double-click opens one.</source>
            <translation>
                <numerusform>Tìm thấy %n kết quả. Nhấn Enter hoặc nhấp đúp để mở.</numerusform>
            </translation>
        </message>
        <message>
            <source>The search failed: {reason}</source>
            <translation>Tìm kiếm không thành công: {reason}</translation>
        </message>
    </context>
    <context>
        <name>FinishDialog</name>
        <message>
            <source>Finish ticket {number}</source>
            <translation>Kết thúc phục vụ số {number}</translation>
        </message>
        <message>
            <source>&amp;Finish</source>
            <translation>&amp;Kết thúc</translation>
        </message>
        <message>
            <source>Received dossier(s)</source>
            <translation>Đã tiếp nhận hồ sơ</translation>
        </message>
        <message>
            <source>Guidance only</source>
            <translation>Chỉ hướng dẫn</translation>
        </message>
        <message>
            <source>Supplement requested</source>
            <translation>Yêu cầu bổ sung hồ sơ</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Từ chối tiếp nhận</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Khác</translation>
        </message>
        <message>
            <source>&amp;Outcome:</source>
            <translation>&amp;Kết quả:</translation>
        </message>
        <message>
            <source>&amp;Details:</source>
            <translation>&amp;Chi tiết:</translation>
        </message>
        <message>
            <source>Received {n} dossier(s)</source>
            <translation>Đã tiếp nhận {n} hồ sơ</translation>
        </message>
        <message>
            <source>Choose the outcome of the visit.</source>
            <translation>Hãy chọn kết quả của lượt phục vụ.</translation>
        </message>
        <message>
            <source>Describe the outcome.</source>
            <translation>Hãy ghi rõ kết quả.</translation>
        </message>
    </context>
    <context>
        <name>FoundTableModel</name>
        <message>
            <source>Code / number</source>
            <translation>Mã / số phiếu</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>Người nộp</translation>
        </message>
        <message>
            <source>Identifier</source>
            <translation>Số định danh</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Thủ tục</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Ngày nhận</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Hẹn trả</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Quá hạn</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Đồng bộ</translation>
        </message>
        <message>
            <source>Saved at this counter but not yet sent to the centre; it is sent automatically when the connection is back.</source>
            <translation>Đã lưu tại quầy này nhưng chưa gửi lên trung tâm; hồ sơ sẽ được gửi tự động khi có kết nối trở lại.</translation>
        </message>
        <message>
            <source>Not yet at the centre</source>
            <translation>Chưa gửi lên trung tâm</translation>
        </message>
    </context>
    <context>
        <name>GroupButton</name>
        <message>
            <source>Ticket {letter}…</source>
            <translation>Số {letter}…</translation>
        </message>
    </context>
    <context>
        <name>HandoverPage</name>
        <message>
            <source>Refresh (F5)</source>
            <translation>Làm mới (F5)</translation>
        </message>
        <message>
            <source>Tick &amp;all (Ctrl+A)</source>
            <translation>Chọn &amp;tất cả (Ctrl+A)</translation>
        </message>
        <message>
            <source>optional: what the department should know about this list</source>
            <translation>không bắt buộc: những điều cơ quan chuyên môn cần lưu ý về danh sách này</translation>
        </message>
        <message>
            <source>Hand over and print list  (Ctrl+Enter)</source>
            <translation>Bàn giao và in danh sách  (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>&amp;Reprint last list</source>
            <translation>&amp;In lại danh sách vừa bàn giao</translation>
        </message>
        <message>
            <source>Hand received dossiers over to a department</source>
            <translation>Bàn giao hồ sơ đã tiếp nhận cho cơ quan chuyên môn</translation>
        </message>
        <message>
            <source>Paper dossiers go the same working day, or the next morning when received after the afternoon cutoff (usually 15:00). Red rows are past that deadline.</source>
            <translation>Hồ sơ giấy được bàn giao trong ngày làm việc, hoặc sáng ngày làm việc tiếp theo nếu tiếp nhận sau giờ chốt buổi chiều (thường là 15:00). Dòng màu đỏ là hồ sơ đã quá hạn bàn giao.</translation>
        </message>
        <message>
            <source>&amp;Department:</source>
            <translation>&amp;Cơ quan chuyên môn:</translation>
        </message>
        <message>
            <source>&amp;Note on the list:</source>
            <translation>&amp;Ghi chú trên danh sách:</translation>
        </message>
        <message>
            <source>{name} — {n} waiting, {late} late</source>
            <translation>{name} — {n} hồ sơ chờ bàn giao, {late} hồ sơ quá hạn</translation>
        </message>
        <message>
            <source>{name} — {n} waiting</source>
            <translation>{name} — {n} hồ sơ chờ bàn giao</translation>
        </message>
        <message>
            <source>The queue could not be read: {reason}</source>
            <translation>Không đọc được danh sách hồ sơ chờ bàn giao: {reason}</translation>
        </message>
        <message>
            <source>No dossier waits for this department.</source>
            <translation>Không có hồ sơ nào chờ bàn giao cho cơ quan này.</translation>
        </message>
        <message>
            <source>{ticked} of {total} ticked</source>
            <translation>Đã chọn {ticked}/{total} hồ sơ</translation>
        </message>
        <message>
            <source>({late} late)</source>
            <translation>({late} hồ sơ quá hạn)</translation>
        </message>
        <message>
            <source>Handing over…</source>
            <translation>Đang bàn giao…</translation>
        </message>
        <message>
            <source>List {number}: {n} dossier(s) handed over to {department}.</source>
            <translation>Danh sách {number}: đã bàn giao {n} hồ sơ cho {department}.</translation>
        </message>
        <message>
            <source>Late: {codes}.</source>
            <translation>Quá hạn: {codes}.</translation>
        </message>
        <message>
            <source>Handed over; printing the list…</source>
            <translation>Đã bàn giao; đang in danh sách…</translation>
        </message>
        <message>
            <source>Nothing was handed over.</source>
            <translation>Chưa bàn giao hồ sơ nào.</translation>
        </message>
        <message>
            <source>Nothing was handed over: {reason}</source>
            <translation>Chưa bàn giao hồ sơ nào: {reason}</translation>
        </message>
        <message>
            <source>List {number} printed → {target}</source>
            <translation>Đã in danh sách {number} → {target}</translation>
        </message>
        <message>
            <source>List {number} is saved, but printing failed: {reason}. Use “Reprint last list”.</source>
            <translation>Đã lưu danh sách {number}, nhưng in thất bại: {reason}. Hãy dùng “In lại danh sách vừa bàn giao”.</translation>
        </message>
    </context>
    <context>
        <name>HandoverTableModel</name>
        <message>
            <source>Dossier code</source>
            <translation>Mã hồ sơ</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>Người nộp</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Thủ tục</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Ngày nhận</translation>
        </message>
        <message>
            <source>Hand over by</source>
            <translation>Hạn bàn giao</translation>
        </message>
        <message>
            <source>Flag</source>
            <translation>Cảnh báo</translation>
        </message>
        <message>
            <source>Late</source>
            <translation>Trễ hạn</translation>
        </message>
    </context>
    <context>
        <name>InboxActions</name>
        <message>
            <source>Confirm receipt</source>
            <translation>Xác nhận đã nhận</translation>
        </message>
        <message>
            <source>Request supplement (Form 02)</source>
            <translation>Yêu cầu bổ sung (Mẫu 02)</translation>
        </message>
        <message>
            <source>Wait for fees or taxes</source>
            <translation>Chờ thực hiện nghĩa vụ tài chính</translation>
        </message>
        <message>
            <source>Fees paid</source>
            <translation>Đã nộp phí, thuế</translation>
        </message>
        <message>
            <source>Stop processing</source>
            <translation>Dừng giải quyết</translation>
        </message>
        <message>
            <source>Refuse after appraisal</source>
            <translation>Từ chối sau thẩm định</translation>
        </message>
        <message>
            <source>Result ready, back to the centre</source>
            <translation>Có kết quả, chuyển về Trung tâm</translation>
        </message>
        <message>
            <source>Apology, new date (Form 04)</source>
            <translation>Xin lỗi, hẹn lại ngày (Mẫu 04)</translation>
        </message>
        <message>
            <source>Explain the lateness</source>
            <translation>Giải trình quá hạn</translation>
        </message>
        <message>
            <source>Choose a dossier first.</source>
            <translation>Hãy chọn một hồ sơ trước.</translation>
        </message>
        <message>
            <source>{code} — {applicant}
{procedure}
Due {due}</source>
            <translation>{code} — {applicant}
{procedure}
Hẹn trả {due}</translation>
        </message>
        <message>
            <source>{code}: receipt confirmed, processing started.</source>
            <translation>{code}: đã xác nhận nhận hồ sơ, bắt đầu giải quyết.</translation>
        </message>
        <message>
            <source>{code}: fees paid, processing again.</source>
            <translation>{code}: đã nộp phí, tiếp tục giải quyết.</translation>
        </message>
        <message>
            <source>&amp;Wait for fees</source>
            <translation>&amp;Chờ nộp phí</translation>
        </message>
        <message>
            <source>{code} waits for the applicant's fees or taxes.</source>
            <translation>{code} chờ công dân thực hiện nghĩa vụ tài chính.</translation>
        </message>
        <message>
            <source>Result ready: hand back to the centre</source>
            <translation>Có kết quả: chuyển về Trung tâm</translation>
        </message>
        <message>
            <source>Result &amp;ready</source>
            <translation>&amp;Có kết quả</translation>
        </message>
        <message>
            <source>{code}: result ready and handed back to the centre.</source>
            <translation>{code}: đã có kết quả và chuyển về Trung tâm.</translation>
        </message>
        <message>
            <source>&amp;Stop</source>
            <translation>&amp;Dừng</translation>
        </message>
        <message>
            <source>&amp;Refuse</source>
            <translation>&amp;Từ chối</translation>
        </message>
        <message>
            <source>{code} was stopped.</source>
            <translation>{code} đã dừng giải quyết.</translation>
        </message>
        <message>
            <source>{code} was refused.</source>
            <translation>{code} đã bị từ chối giải quyết.</translation>
        </message>
        <message>
            <source>{code}: explanation recorded.</source>
            <translation>{code}: đã ghi nhận giải trình.</translation>
        </message>
        <message>
            <source>The due date of {code} was already moved once (now {due}); it cannot be moved again.</source>
            <translation>Hồ sơ {code} đã được hẹn lại một lần (hiện hẹn {due}); không thể hẹn lại lần nữa.</translation>
        </message>
        <message>
            <source>{code} is already confirmed.</source>
            <translation>Hồ sơ {code} đã được xác nhận nhận.</translation>
        </message>
        <message>
            <source>Confirm receipt of {code} first (1).</source>
            <translation>Hãy xác nhận đã nhận hồ sơ {code} trước (phím 1).</translation>
        </message>
        <message>
            <source>{code} is not late; there is nothing to explain.</source>
            <translation>Hồ sơ {code} không quá hạn; không cần giải trình.</translation>
        </message>
        <message>
            <source>{action}: not possible while {code} is “{status}”.</source>
            <translation>{action}: không thực hiện được khi hồ sơ {code} đang “{status}”.</translation>
        </message>
        <message>
            <source>{code}: supplement requested ({reference}); the counter hands Form 02 to the applicant.</source>
            <translation>{code}: đã yêu cầu bổ sung ({reference}); Bộ phận một cửa trao Mẫu 02 cho công dân.</translation>
        </message>
        <message>
            <source>{code}: apology {reference} recorded; new return date {due}.</source>
            <translation>{code}: đã ghi nhận phiếu xin lỗi {reference}; hẹn trả mới {due}.</translation>
        </message>
        <message>
            <source>No printer is set up on this page.</source>
            <translation>Trang này chưa được gắn máy in.</translation>
        </message>
        <message>
            <source>Printing Form 04 for {code}…</source>
            <translation>Đang in Mẫu 04 của hồ sơ {code}…</translation>
        </message>
        <message>
            <source>Form 04 for {code} printed → {target}</source>
            <translation>Đã in Mẫu 04 của hồ sơ {code} → {target}</translation>
        </message>
        <message>
            <source>Form 04 for {code} is recorded, but printing failed: {reason}</source>
            <translation>Đã ghi nhận Mẫu 04 của hồ sơ {code}, nhưng in thất bại: {reason}</translation>
        </message>
        <message>
            <source>{code} was settled late: record the written explanation now.</source>
            <translation>Hồ sơ {code} giải quyết quá hạn: hãy ghi nhận văn bản giải trình ngay.</translation>
        </message>
        <message>
            <source>{code} — {applicant}
Original due {due}</source>
            <translation>{code} — {applicant}
Hạn ban đầu {due}</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>Đang xử lý…</translation>
        </message>
        <message>
            <source>Not done: {reason}</source>
            <translation>Chưa thực hiện: {reason}</translation>
        </message>
    </context>
    <context>
        <name>InboxApologyDialog</name>
        <message>
            <source>Apology and new return date (Form 04)</source>
            <translation>Xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)</translation>
        </message>
        <message>
            <source>&amp;Record the apology</source>
            <translation>&amp;Ghi nhận phiếu xin lỗi</translation>
        </message>
        <message>
            <source>why the dossier cannot be settled on time (printed on the letter)</source>
            <translation>lý do không giải quyết được đúng hạn (in trên phiếu)</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Lý do:</translation>
        </message>
        <message>
            <source>&amp;New return date:</source>
            <translation>&amp;Ngày hẹn trả mới:</translation>
        </message>
        <message>
            <source>The due date can be moved only once. Lateness is still judged against the original due date {due}.</source>
            <translation>Ngày hẹn chỉ được dời một lần. Việc quá hạn vẫn tính theo ngày hẹn ban đầu {due}.</translation>
        </message>
        <message>
            <source>Apology {number} recorded. New return date: {due}.</source>
            <translation>Đã ghi nhận phiếu xin lỗi {number}. Ngày hẹn trả mới: {due}.</translation>
        </message>
        <message>
            <source>&amp;Print Form 04</source>
            <translation>&amp;In Mẫu 04</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
    </context>
    <context>
        <name>InboxExplainDialog</name>
        <message>
            <source>Written explanation of a late dossier</source>
            <translation>Giải trình hồ sơ quá hạn</translation>
        </message>
        <message>
            <source>&amp;Record</source>
            <translation>&amp;Ghi nhận</translation>
        </message>
        <message>
            <source>why the dossier was not settled by its original due date</source>
            <translation>lý do hồ sơ không được giải quyết đúng hạn ban đầu</translation>
        </message>
        <message>
            <source>&amp;Explanation:</source>
            <translation>&amp;Nội dung giải trình:</translation>
        </message>
    </context>
    <context>
        <name>InboxModel</name>
        <message>
            <source>due now</source>
            <translation>đến hạn</translation>
        </message>
        <message>
            <source>{days} d {hours} h</source>
            <translation>{days} ngày {hours} giờ</translation>
        </message>
        <message>
            <source>{days} d</source>
            <translation>{days} ngày</translation>
        </message>
        <message>
            <source>{hours} h {minutes} min</source>
            <translation>{hours} giờ {minutes} phút</translation>
        </message>
        <message>
            <source>{hours} h</source>
            <translation>{hours} giờ</translation>
        </message>
        <message>
            <source>{minutes} min</source>
            <translation>{minutes} phút</translation>
        </message>
        <message>
            <source>overdue {time}</source>
            <translation>quá hạn {time}</translation>
        </message>
        <message>
            <source>⚠ Apology due</source>
            <translation>⚠ Cần xin lỗi</translation>
        </message>
        <message>
            <source>Rescheduled once</source>
            <translation>Đã hẹn lại</translation>
        </message>
        <message>
            <source>List {list}</source>
            <translation>Danh sách {list}</translation>
        </message>
        <message>
            <source>Overdue: past the original due date {due}.</source>
            <translation>Quá hạn: đã qua ngày hẹn ban đầu {due}.</translation>
        </message>
        <message>
            <source>Due within 1 working day.</source>
            <translation>Còn không quá 1 ngày làm việc.</translation>
        </message>
        <message>
            <source>The department must file the apology with a new date (Form 04).</source>
            <translation>Cơ quan phải lập phiếu xin lỗi và hẹn lại ngày trả (Mẫu 04).</translation>
        </message>
        <message>
            <source>The due date was moved once; it cannot be moved again.</source>
            <translation>Ngày hẹn đã dời một lần; không thể dời lần nữa.</translation>
        </message>
        <message>
            <source>Hand-over list {list}: scan it to confirm receipt.</source>
            <translation>Danh sách bàn giao {list}: quét mã để xác nhận đã nhận.</translation>
        </message>
    </context>
    <context>
        <name>InboxNoteDialog</name>
        <message>
            <source>optional</source>
            <translation>không bắt buộc</translation>
        </message>
        <message>
            <source>&amp;Note:</source>
            <translation>&amp;Ghi chú:</translation>
        </message>
    </context>
    <context>
        <name>InboxPage</name>
        <message>
            <source>Department inbox</source>
            <translation>Hồ sơ cần giải quyết</translation>
        </message>
        <message>
            <source>scan the hand-over list, then Enter</source>
            <translation>quét danh sách bàn giao rồi nhấn Enter</translation>
        </message>
        <message>
            <source>Confirm the list</source>
            <translation>Xác nhận danh sách</translation>
        </message>
        <message>
            <source>Confirm hand-over &amp;list:</source>
            <translation>Xác nhận &amp;danh sách bàn giao:</translation>
        </message>
        <message>
            <source>at most 1 working day left</source>
            <translation>còn không quá 1 ngày làm việc</translation>
        </message>
        <message>
            <source>past the original due date</source>
            <translation>đã quá hạn ban đầu</translation>
        </message>
        <message>
            <source>Enter: actions · 1–9: action · F5: refresh</source>
            <translation>Enter: thao tác · 1–9: chọn thao tác · F5: làm mới</translation>
        </message>
        <message>
            <source>Inbox — {department}</source>
            <translation>Hồ sơ cần giải quyết — {department}</translation>
        </message>
        <message>
            <source>Updated {time}</source>
            <translation>Cập nhật lúc {time}</translation>
        </message>
        <message>
            <source>The {shown} most urgent of {total} · </source>
            <translation>{shown} hồ sơ gấp nhất trong {total} · </translation>
        </message>
        <message>
            <source>&amp;All</source>
            <translation>&amp;Tất cả</translation>
        </message>
        <message>
            <source>&amp;Near due</source>
            <translation>&amp;Sắp đến hạn</translation>
        </message>
        <message>
            <source>&amp;Overdue</source>
            <translation>&amp;Quá hạn</translation>
        </message>
        <message>
            <source>Needs a&amp;pology</source>
            <translation>Cần &amp;xin lỗi</translation>
        </message>
        <message>
            <source>&amp;Waiting for confirmation</source>
            <translation>&amp;Chờ xác nhận nhận</translation>
        </message>
        <message>
            <source>Choose a dossier first.</source>
            <translation>Hãy chọn một hồ sơ trước.</translation>
        </message>
        <message>
            <source>Scan or type the number of the hand-over list.</source>
            <translation>Quét hoặc gõ số danh sách bàn giao.</translation>
        </message>
        <message numerus="yes">
            <source>List {list}: %n dossier(s) confirmed.</source>
            <translation>
                <numerusform>Danh sách {list}: đã xác nhận nhận %n hồ sơ.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InboxReasonDialog</name>
        <message>
            <source>told to the applicant and kept in the history</source>
            <translation>thông báo cho công dân và lưu trong lịch sử hồ sơ</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Lý do:</translation>
        </message>
    </context>
    <context>
        <name>InboxSupplementDialog</name>
        <message>
            <source>Request a supplement (Form 02)</source>
            <translation>Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)</translation>
        </message>
        <message>
            <source>&amp;Request</source>
            <translation>&amp;Yêu cầu</translation>
        </message>
        <message>
            <source>&amp;Documents:</source>
            <translation>&amp;Giấy tờ:</translation>
        </message>
        <message>
            <source>one document or correction per line</source>
            <translation>mỗi dòng một giấy tờ hoặc nội dung cần sửa</translation>
        </message>
        <message>
            <source>Other &amp;items:</source>
            <translation>Nội dung &amp;khác:</translation>
        </message>
        <message>
            <source>what is wrong or missing, and why</source>
            <translation>thiếu hoặc sai gì, vì sao</translation>
        </message>
        <message>
            <source>N&amp;otes:</source>
            <translation>Gh&amp;i chú:</translation>
        </message>
        <message>
            <source>Space ticks a document; Ctrl+Enter requests the supplement. The clock stops until the complete dossier is back.</source>
            <translation>Phím cách để đánh dấu giấy tờ; Ctrl+Enter để gửi yêu cầu. Thời hạn tạm dừng đến khi nhận đủ hồ sơ.</translation>
        </message>
    </context>
    <context>
        <name>InboxTableModel</name>
        <message>
            <source>Code</source>
            <translation>Mã hồ sơ</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Thủ tục</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>Người nộp</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Ngày nhận</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Hẹn trả</translation>
        </message>
        <message>
            <source>Time left</source>
            <translation>Còn lại</translation>
        </message>
        <message>
            <source>Flags</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Not confirmed yet</source>
            <translation>Chưa xác nhận nhận</translation>
        </message>
        <message>
            <source>paused · {time}</source>
            <translation>tạm dừng · {time}</translation>
        </message>
        <message>
            <source>The clock is paused since {when} (waiting for the applicant); {time} left when it runs again.</source>
            <translation>Tạm dừng tính thời gian từ {when} (chờ người nộp hồ sơ); còn {time} khi tính tiếp.</translation>
        </message>
        <message>
            <source>Working time left until the due time: {time}</source>
            <translation>Thời gian làm việc còn lại đến hạn: {time}</translation>
        </message>
        <message>
            <source>Moved once by the apology; original due {due}</source>
            <translation>Đã hẹn lại một lần; hạn ban đầu {due}</translation>
        </message>
    </context>
    <context>
        <name>IntakePage</name>
        <message>
            <source>&amp;Tick all received</source>
            <translation>Đánh &amp;dấu tất cả đã nhận</translation>
        </message>
        <message>
            <source>Receive dossier  (Ctrl+Enter)</source>
            <translation>Tiếp nhận hồ sơ  (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Request supplement  (Ctrl+Shift+S)</source>
            <translation>Yêu cầu bổ sung  (Ctrl+Shift+S)</translation>
        </message>
        <message>
            <source>Refuse  (Ctrl+Shift+R)</source>
            <translation>Từ chối  (Ctrl+Shift+R)</translation>
        </message>
        <message>
            <source>Show last form</source>
            <translation>Xem lại phiếu vừa in</translation>
        </message>
        <message>
            <source>&amp;Procedure (type words of its name or code):</source>
            <translation>&amp;Thủ tục (gõ từ trong tên hoặc mã):</translation>
        </message>
        <message>
            <source>1. Procedure</source>
            <translation>1. Thủ tục</translation>
        </message>
        <message>
            <source>2. Applicant</source>
            <translation>2. Người nộp hồ sơ</translation>
        </message>
        <message>
            <source>Number of &amp;sets:</source>
            <translation>Số &amp;bộ hồ sơ:</translation>
        </message>
        <message>
            <source>Result &amp;collected:</source>
            <translation>Nhận &amp;kết quả:</translation>
        </message>
        <message>
            <source>N&amp;otes:</source>
            <translation>Gh&amp;i chú:</translation>
        </message>
        <message>
            <source>3. Documents</source>
            <translation>3. Thành phần hồ sơ</translation>
        </message>
        <message>
            <source>Serving ticket {number}: dossiers received now are linked to it.</source>
            <translation>Đang phục vụ số {number}: hồ sơ tiếp nhận lúc này được gắn với số này.</translation>
        </message>
        <message>
            <source>Due: {when}</source>
            <translation>Hẹn trả: {when}</translation>
        </message>
        <message>
            <source>Monday</source>
            <translation>Thứ Hai</translation>
        </message>
        <message>
            <source>Tuesday</source>
            <translation>Thứ Ba</translation>
        </message>
        <message>
            <source>Wednesday</source>
            <translation>Thứ Tư</translation>
        </message>
        <message>
            <source>Thursday</source>
            <translation>Thứ Năm</translation>
        </message>
        <message>
            <source>Friday</source>
            <translation>Thứ Sáu</translation>
        </message>
        <message>
            <source>Saturday</source>
            <translation>Thứ Bảy</translation>
        </message>
        <message>
            <source>Sunday</source>
            <translation>Chủ Nhật</translation>
        </message>
        <message>
            <source>{time}, {weekday} {date}</source>
            <translation>{time}, {weekday} {date}</translation>
        </message>
        <message>
            <source>Last time ({day}) we asked for a supplement: {items}</source>
            <translation>Lần trước ({day}) đã yêu cầu bổ sung: {items}</translation>
        </message>
        <message>
            <source>Last time ({day}) the request was refused: {reasons}</source>
            <translation>Lần trước ({day}) đã từ chối tiếp nhận, lý do: {reasons}</translation>
        </message>
        <message>
            <source>[{number}, {procedure}]</source>
            <translation>[{number}, {procedure}]</translation>
        </message>
        <message>
            <source>Nothing was saved. Correct the fields marked in red.</source>
            <translation>Chưa lưu dữ liệu. Vui lòng sửa các trường được đánh dấu màu đỏ.</translation>
        </message>
        <message>
            <source>Received: {code} — due {when}</source>
            <translation>Đã tiếp nhận: {code} — hẹn trả {when}</translation>
        </message>
        <message>
            <source>Received: {code}</source>
            <translation>Đã tiếp nhận: {code}</translation>
        </message>
        <message>
            <source>Supplement request issued: {number}</source>
            <translation>Đã lập phiếu yêu cầu bổ sung: {number}</translation>
        </message>
        <message>
            <source>Refusal issued: {number}</source>
            <translation>Đã lập phiếu từ chối tiếp nhận: {number}</translation>
        </message>
        <message>
            <source>{department} · {field}
Time limit: {limit}
Fee: {fee}</source>
            <translation>{department} · {field}
Thời hạn giải quyết: {limit}
Phí, lệ phí: {fee}</translation>
        </message>
    </context>
    <context>
        <name>IntakePresenter</name>
        <message>
            <source>Printed {reference}.</source>
            <translation>Đã in {reference}.</translation>
        </message>
        <message>
            <source>{reference} is saved, but printing failed: {reason} Reprint it with "Show last form".</source>
            <translation>Đã lưu {reference} nhưng in không thành công: {reason} Hãy in lại bằng nút “Xem lại phiếu vừa in”.</translation>
        </message>
        <message>
            <source>Printing {reference}…</source>
            <translation>Đang in {reference}…</translation>
        </message>
        <message>
            <source>Something went wrong and nothing was saved: {error}</source>
            <translation>Đã xảy ra lỗi, chưa lưu dữ liệu: {error}</translation>
        </message>
    </context>
    <context>
        <name>KioskLookupPage</name>
        <message>
            <source>Look up a dossier</source>
            <translation>Tra cứu hồ sơ</translation>
        </message>
        <message>
            <source>Hold the QR code or the barcode of your receipt under the scanner, or type the dossier code and press Enter.</source>
            <translation>Vui lòng đưa mã QR hoặc mã vạch trên giấy tiếp nhận hồ sơ vào máy quét, hoặc nhập mã hồ sơ rồi nhấn Enter.</translation>
        </message>
        <message>
            <source>Dossier code</source>
            <translation>Mã hồ sơ</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Quay lại</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>Người nộp</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Thủ tục</translation>
        </message>
        <message>
            <source>Handled by</source>
            <translation>Cơ quan giải quyết</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Ngày nhận</translation>
        </message>
        <message>
            <source>Due for return</source>
            <translation>Ngày hẹn trả</translation>
        </message>
        <message>
            <source>Last update</source>
            <translation>Cập nhật lần cuối</translation>
        </message>
        <message>
            <source>Looking up {code}…</source>
            <translation>Đang tra cứu hồ sơ {code}…</translation>
        </message>
        <message>
            <source>No dossier was found with the code {code}. Please check the code on your receipt or ask a staff member.</source>
            <translation>Không tìm thấy hồ sơ có mã {code}. Vui lòng kiểm tra lại mã trên giấy tiếp nhận hoặc hỏi cán bộ tại quầy.</translation>
        </message>
        <message>
            <source>{status} — overdue</source>
            <translation>{status} — quá hạn</translation>
        </message>
        <message>
            <source>The dossier cannot be looked up at the moment. Please try again or ask a staff member.</source>
            <translation>Hiện không tra cứu được hồ sơ. Vui lòng thử lại hoặc hỏi cán bộ tại quầy.</translation>
        </message>
    </context>
    <context>
        <name>KioskWindow</name>
        <message>
            <source>Monday</source>
            <translation>Thứ Hai</translation>
        </message>
        <message>
            <source>Tuesday</source>
            <translation>Thứ Ba</translation>
        </message>
        <message>
            <source>Wednesday</source>
            <translation>Thứ Tư</translation>
        </message>
        <message>
            <source>Thursday</source>
            <translation>Thứ Năm</translation>
        </message>
        <message>
            <source>Friday</source>
            <translation>Thứ Sáu</translation>
        </message>
        <message>
            <source>Saturday</source>
            <translation>Thứ Bảy</translation>
        </message>
        <message>
            <source>Sunday</source>
            <translation>Chủ Nhật</translation>
        </message>
        <message>
            <source>Queue tickets</source>
            <translation>Lấy số thứ tự</translation>
        </message>
        <message>
            <source>Touch the service you came for to take a queue number</source>
            <translation>Chạm vào lĩnh vực quý khách cần giải quyết để lấy số thứ tự</translation>
        </message>
        <message>
            <source>Your number will be called on the screen and by the loudspeaker.</source>
            <translation>Số của quý khách sẽ được gọi trên màn hình và loa.</translation>
        </message>
        <message>
            <source>Your queue number</source>
            <translation>Số thứ tự của quý khách</translation>
        </message>
        <message>
            <source>Priority ticket</source>
            <translation>Số ưu tiên</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Xong</translation>
        </message>
        <message>
            <source>Tickets cannot be issued at the moment: the queue system is not reachable. It will come back by itself — please wait a moment or ask a staff member.</source>
            <translation>Tạm thời chưa cấp được số: mất kết nối với hệ thống xếp hàng. Hệ thống sẽ tự kết nối lại — quý khách vui lòng chờ trong giây lát hoặc liên hệ nhân viên.</translation>
        </message>
        <message>
            <source>No service is taking queue tickets right now. Please ask a staff member.</source>
            <translation>Hiện chưa có lĩnh vực nào cấp số thứ tự. Quý khách vui lòng liên hệ nhân viên.</translation>
        </message>
        <message>
            <source>Issuing your ticket…</source>
            <translation>Đang cấp số…</translation>
        </message>
        <message>
            <source>the queue system is not reachable.</source>
            <translation>mất kết nối với hệ thống xếp hàng.</translation>
        </message>
        <message>
            <source>The ticket could not be issued: {reason} Please try again or ask a staff member.</source>
            <translation>Không cấp được số: {reason} Quý khách vui lòng thử lại hoặc liên hệ nhân viên.</translation>
        </message>
        <message>
            <source>Reprint ticket {number}</source>
            <translation>In lại phiếu số {number}</translation>
        </message>
        <message>
            <source>People waiting ahead of you: {ahead}
Estimated wait: about {minutes} minutes</source>
            <translation>Số người đang chờ trước quý khách: {ahead}
Thời gian chờ dự kiến: khoảng {minutes} phút</translation>
        </message>
        <message>
            <source>Nobody is waiting ahead of you: you will be called soon.</source>
            <translation>Không có ai chờ trước quý khách: quý khách sẽ được gọi ngay.</translation>
        </message>
        <message>
            <source>Printing your ticket…</source>
            <translation>Đang in phiếu số thứ tự…</translation>
        </message>
        <message>
            <source>Please take your ticket below.</source>
            <translation>Vui lòng nhận phiếu số thứ tự ở khe bên dưới.</translation>
        </message>
        <message>
            <source>The ticket printer is not working at the moment: your number will be shown on the screen — please note it down.</source>
            <translation>Máy in phiếu tạm thời không hoạt động: số thứ tự sẽ hiện trên màn hình — quý khách vui lòng ghi nhớ số.</translation>
        </message>
        <message>
            <source>Ticket {number} has been issued. The printer is out of paper or not connected — please remember your number or ask a staff member to print it for you.</source>
            <translation>Vé số {number} đã được cấp. Máy in đang hết giấy hoặc chưa kết nối — vui lòng ghi nhớ số hoặc báo nhân viên để in lại.</translation>
        </message>
        <message>
            <source>✓ Priority ticket chosen — now touch your service (touch here to cancel)</source>
            <translation>✓ Đã chọn số ưu tiên — bây giờ hãy chạm vào lĩnh vực cần giải quyết (chạm vào đây để bỏ chọn)</translation>
        </message>
        <message>
            <source>Priority: elderly people, people with disabilities, pregnant women… Touch here first, then your service</source>
            <translation>Ưu tiên: người cao tuổi, người khuyết tật, phụ nữ mang thai… Chạm vào đây trước, sau đó chọn lĩnh vực</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Received at the counter</source>
            <translation>Tiếp nhận tại quầy</translation>
        </message>
        <message>
            <source>Form printed</source>
            <translation>Đã in phiếu</translation>
        </message>
        <message>
            <source>Printing failed</source>
            <translation>In không thành công</translation>
        </message>
        <message>
            <source>Status changed</source>
            <translation>Chuyển trạng thái</translation>
        </message>
        <message>
            <source>Due date extended</source>
            <translation>Gia hạn ngày hẹn trả</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Handed over to the department</source>
            <translation>Đã bàn giao cho cơ quan chuyên môn</translation>
        </message>
        <message>
            <source>Receipt confirmed by the department</source>
            <translation>Cơ quan chuyên môn đã xác nhận đã nhận</translation>
        </message>
        <message>
            <source>Supplement requested by the department</source>
            <translation>Cơ quan chuyên môn yêu cầu bổ sung hồ sơ</translation>
        </message>
        <message>
            <source>Supplement received</source>
            <translation>Đã nhận hồ sơ bổ sung</translation>
        </message>
        <message>
            <source>Waiting for fees or taxes</source>
            <translation>Chờ thực hiện nghĩa vụ tài chính</translation>
        </message>
        <message>
            <source>Fees or taxes paid</source>
            <translation>Đã thực hiện nghĩa vụ tài chính</translation>
        </message>
        <message>
            <source>Processing stopped</source>
            <translation>Dừng giải quyết</translation>
        </message>
        <message>
            <source>Refused after appraisal</source>
            <translation>Từ chối sau thẩm định</translation>
        </message>
        <message>
            <source>Result ready and handed back to the centre</source>
            <translation>Đã có kết quả, chuyển về Trung tâm</translation>
        </message>
        <message>
            <source>Result returned</source>
            <translation>Đã trả kết quả</translation>
        </message>
        <message>
            <source>Withdrawn at the applicant's request</source>
            <translation>Rút hồ sơ theo đề nghị của người nộp hồ sơ</translation>
        </message>
        <message>
            <source>Apology filed, due date moved (Form 04)</source>
            <translation>Đã lập phiếu xin lỗi, hẹn lại ngày trả (Mẫu 04)</translation>
        </message>
        <message>
            <source>Lateness explained in writing</source>
            <translation>Đã giải trình quá hạn bằng văn bản</translation>
        </message>
        <message>
            <source>Applicant notified</source>
            <translation>Đã thông báo cho công dân</translation>
        </message>
        <message>
            <source>Notice to the applicant failed</source>
            <translation>Thông báo cho công dân không thành công</translation>
        </message>
        <message>
            <source>Receipt (Form 01)</source>
            <translation>Giấy tiếp nhận và hẹn trả (Mẫu 01)</translation>
        </message>
        <message>
            <source>Supplement request (Form 02)</source>
            <translation>Phiếu yêu cầu bổ sung (Mẫu 02)</translation>
        </message>
        <message>
            <source>Refusal (Form 03)</source>
            <translation>Phiếu từ chối tiếp nhận (Mẫu 03)</translation>
        </message>
        <message>
            <source>Apology and new date (Form 04)</source>
            <translation>Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)</translation>
        </message>
        <message>
            <source>Control sheet (Form 05)</source>
            <translation>Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05)</translation>
        </message>
        <message>
            <source>Dossier ledger (Form 06)</source>
            <translation>Sổ theo dõi hồ sơ (Mẫu 06)</translation>
        </message>
        <message>
            <source>Hand-over list</source>
            <translation>Danh sách bàn giao</translation>
        </message>
        <message>
            <source>Result return acknowledgement</source>
            <translation>Biên nhận trả kết quả</translation>
        </message>
        <message>
            <source>Early</source>
            <translation>Trước hạn</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>Đúng hạn</translation>
        </message>
        <message>
            <source>Late</source>
            <translation>Trễ hạn</translation>
        </message>
        <message>
            <source>Individual</source>
            <translation>Cá nhân</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Tổ chức</translation>
        </message>
        <message>
            <source>Personal identification number</source>
            <translation>Số định danh cá nhân</translation>
        </message>
        <message>
            <source>Enterprise / tax code</source>
            <translation>Mã số doanh nghiệp / mã số thuế</translation>
        </message>
        <message>
            <source>Passport number</source>
            <translation>Số hộ chiếu</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Nam</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Nữ</translation>
        </message>
        <message>
            <source>At the counter</source>
            <translation>Tại quầy</translation>
        </message>
        <message>
            <source>By public postal service</source>
            <translation>Qua dịch vụ bưu chính công ích</translation>
        </message>
        <message>
            <source>Online (electronic result)</source>
            <translation>Trực tuyến (kết quả điện tử)</translation>
        </message>
        <message>
            <source>{n} working days</source>
            <translation>{n} ngày làm việc</translation>
        </message>
        <message>
            <source>{n} days</source>
            <translation>{n} ngày</translation>
        </message>
        <message>
            <source>{n} working hours</source>
            <translation>{n} giờ làm việc</translation>
        </message>
        <message>
            <source>counted in working hours</source>
            <translation>tính theo giờ làm việc</translation>
        </message>
        <message>
            <source>counted by the Civil Code</source>
            <translation>tính theo Bộ luật Dân sự</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Đang chờ</translation>
        </message>
        <message>
            <source>Called</source>
            <translation>Đã gọi</translation>
        </message>
        <message>
            <source>Being served</source>
            <translation>Đang được phục vụ</translation>
        </message>
        <message>
            <source>Transferred, waiting</source>
            <translation>Đã chuyển, đang chờ</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Đã phục vụ xong</translation>
        </message>
        <message>
            <source>Did not come</source>
            <translation>Vắng mặt</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Đã hủy</translation>
        </message>
        <message>
            <source>Closed at the end of the day</source>
            <translation>Đóng khi hết ngày làm việc</translation>
        </message>
        <message>
            <source>Free</source>
            <translation>Đang rảnh</translation>
        </message>
        <message>
            <source>Serving</source>
            <translation>Đang phục vụ</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Tạm dừng</translation>
        </message>
        <message>
            <source>Ticket issued</source>
            <translation>Cấp số thứ tự</translation>
        </message>
        <message>
            <source>Called to the counter</source>
            <translation>Mời đến quầy</translation>
        </message>
        <message>
            <source>Called again</source>
            <translation>Mời lại</translation>
        </message>
        <message>
            <source>Service started</source>
            <translation>Bắt đầu phục vụ</translation>
        </message>
        <message>
            <source>Transferred</source>
            <translation>Chuyển tiếp</translation>
        </message>
        <message>
            <source>Service finished</source>
            <translation>Kết thúc phục vụ</translation>
        </message>
        <message>
            <source>Counter paused</source>
            <translation>Quầy tạm dừng</translation>
        </message>
        <message>
            <source>Counter resumed</source>
            <translation>Quầy hoạt động lại</translation>
        </message>
        <message>
            <source>Cancelled by the supervisor</source>
            <translation>Giám sát hủy số</translation>
        </message>
        <message>
            <source>Reassigned by the supervisor</source>
            <translation>Giám sát điều chuyển</translation>
        </message>
        <message>
            <source>Dossier received</source>
            <translation>Đã tiếp nhận hồ sơ</translation>
        </message>
        <message>
            <source>Carried over to the next day</source>
            <translation>Chuyển sang ngày làm việc tiếp theo</translation>
        </message>
        <message>
            <source>Same day</source>
            <translation>Trong ngày</translation>
        </message>
        <message>
            <source>No fee</source>
            <translation>Không thu phí</translation>
        </message>
    </context>
    <context>
        <name>LatePage</name>
        <message>
            <source>Apology filed, new date set</source>
            <translation>Đã có phiếu xin lỗi, đã hẹn lại ngày trả</translation>
        </message>
        <message>
            <source>Explained</source>
            <translation>Đã giải trình</translation>
        </message>
        <message>
            <source>Finished {when}</source>
            <translation>Hoàn thành lúc {when}</translation>
        </message>
        <message>
            <source>Refresh (F5)</source>
            <translation>Làm mới (F5)</translation>
        </message>
        <message>
            <source>Judged against the original due time. The department files the apology (Form 04) no later than one working day before the due time, and explains every late dossier in writing.</source>
            <translation>Tính theo hạn trả ban đầu. Cơ quan chuyên môn lập phiếu xin lỗi (Mẫu 04) chậm nhất 01 ngày làm việc trước hạn trả, và giải trình bằng văn bản đối với mọi hồ sơ quá hạn.</translation>
        </message>
        <message>
            <source>Results completed &amp;from</source>
            <translation>Kết quả giải quyết &amp;từ</translation>
        </message>
        <message>
            <source>t&amp;o</source>
            <translation>đế&amp;n</translation>
        </message>
        <message>
            <source>Updated {time}</source>
            <translation>Cập nhật lúc {time}</translation>
        </message>
        <message>
            <source>The lists could not be read: {reason}</source>
            <translation>Không đọc được danh sách: {reason}</translation>
        </message>
        <message>
            <source>By &amp;department</source>
            <translation>Tiến độ theo &amp;cơ quan</translation>
        </message>
        <message>
            <source>Late without an &amp;apology (Form 04): {n}</source>
            <translation>Quá hạn chưa có phiếu &amp;xin lỗi (Mẫu 04): {n}</translation>
        </message>
        <message>
            <source>Late without a written e&amp;xplanation: {n}</source>
            <translation>Quá hạn chưa có văn bản &amp;giải trình: {n}</translation>
        </message>
    </context>
    <context>
        <name>LateTableModel</name>
        <message>
            <source>Dossier code</source>
            <translation>Mã hồ sơ</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>Cơ quan</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>Người nộp</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Thủ tục</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Originally due</source>
            <translation>Hạn trả ban đầu</translation>
        </message>
        <message>
            <source>Due now</source>
            <translation>Hạn trả hiện tại</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
    </context>
    <context>
        <name>LedgerDialog</name>
        <message>
            <source>Dossier ledger (Form 06)</source>
            <translation>Sổ theo dõi hồ sơ (Mẫu 06)</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Xem trước</translation>
        </message>
        <message>
            <source>&amp;Field:</source>
            <translation>&amp;Lĩnh vực:</translation>
        </message>
        <message>
            <source>Received &amp;from:</source>
            <translation>Tiếp nhận &amp;từ ngày:</translation>
        </message>
        <message>
            <source>&amp;to:</source>
            <translation>đến &amp;ngày:</translation>
        </message>
        <message>
            <source>Choose a field.</source>
            <translation>Hãy chọn lĩnh vực.</translation>
        </message>
        <message>
            <source>The end of the period is before its start.</source>
            <translation>Ngày kết thúc đứng trước ngày bắt đầu.</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>counter_app — Log in</source>
            <translation>counter_app — Đăng nhập</translation>
        </message>
        <message>
            <source>Reception counter</source>
            <translation>Bộ phận Tiếp nhận và Trả kết quả</translation>
        </message>
        <message>
            <source>Counter {n}</source>
            <translation>Quầy {n}</translation>
        </message>
        <message>
            <source>&amp;Log in</source>
            <translation>Đăng &amp;nhập</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>Th&amp;oát</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>&amp;Tên đăng nhập:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Mật khẩu:</translation>
        </message>
        <message>
            <source>Enter your user name and password.</source>
            <translation>Vui lòng nhập tên đăng nhập và mật khẩu.</translation>
        </message>
        <message>
            <source>Could not log in: {reason}</source>
            <translation>Không đăng nhập được: {reason}</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>counter_app — Counter {n} — {name}</source>
            <translation>counter_app — Quầy {n} — {name}</translation>
        </message>
        <message>
            <source>Intake (F2)</source>
            <translation>Tiếp nhận (F2)</translation>
        </message>
        <message>
            <source>Find (F3)</source>
            <translation>Tra cứu (F3)</translation>
        </message>
        <message>
            <source>Dossier</source>
            <translation>Hồ sơ</translation>
        </message>
        <message>
            <source>Queue board</source>
            <translation>Giám sát hàng đợi</translation>
        </message>
        <message>
            <source>Local database</source>
            <translation>Cơ sở dữ liệu cục bộ</translation>
        </message>
        <message>
            <source>Central database</source>
            <translation>Cơ sở dữ liệu trung tâm</translation>
        </message>
        <message>
            <source>Inbox</source>
            <translation>Hồ sơ cần giải quyết</translation>
        </message>
        <message>
            <source>Hand-over</source>
            <translation>Bàn giao</translation>
        </message>
        <message>
            <source>Return</source>
            <translation>Trả kết quả</translation>
        </message>
        <message>
            <source>Timeliness</source>
            <translation>Tiến độ giải quyết</translation>
        </message>
        <message>
            <source>Ticket {number} printed → {target}</source>
            <translation>Đã in phiếu số {number} → {target}</translation>
        </message>
        <message>
            <source>Printing ticket {number} failed: {reason}</source>
            <translation>In phiếu số {number} không thành công: {reason}</translation>
        </message>
        <message>
            <source>Only an administrator or supervisor may change the workstation settings.</source>
            <translation>Chỉ quản trị viên hoặc lãnh đạo giám sát được thay đổi cài đặt máy trạm.</translation>
        </message>
        <message>
            <source>Settings not saved</source>
            <translation>Chưa lưu được cài đặt</translation>
        </message>
        <message>
            <source>Workstation settings saved; they apply from the next login.</source>
            <translation>Đã lưu cài đặt máy trạm; cài đặt có hiệu lực từ lần đăng nhập sau.</translation>
        </message>
        <message>
            <source>No dossier is open to reprint. Find one first (F3).</source>
            <translation>Chưa mở hồ sơ nào để in lại. Hãy tìm hồ sơ trước (F3).</translation>
        </message>
        <message>
            <source>Searched “{query}”: {count} found</source>
            <translation>Tìm “{query}”: {count} kết quả</translation>
        </message>
        <message>
            <source>Dossier {reference}</source>
            <translation>Hồ sơ {reference}</translation>
        </message>
        <message>
            <source>Received {code}</source>
            <translation>Đã tiếp nhận {code}</translation>
        </message>
        <message>
            <source>Issued {document} {number}</source>
            <translation>Đã lập {document} {number}</translation>
        </message>
        <message>
            <source>Hand-over list {number} saved</source>
            <translation>Đã lưu danh sách bàn giao {number}</translation>
        </message>
        <message>
            <source>Printed {document} {reference} → {target}</source>
            <translation>Đã in {document} {reference} → {target}</translation>
        </message>
        <message>
            <source>Printing {document} {reference} failed: {reason}</source>
            <translation>In {document} {reference} không thành công: {reason}</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <source>The password must have at least {n} characters.</source>
            <translation>Mật khẩu phải có ít nhất {n} ký tự.</translation>
        </message>
        <message>
            <source>The password must not be the user name.</source>
            <translation>Mật khẩu không được trùng với tên đăng nhập.</translation>
        </message>
        <message>
            <source>The password must contain both letters and digits.</source>
            <translation>Mật khẩu phải có cả chữ cái và chữ số.</translation>
        </message>
        <message>
            <source>Wrong user name or password.</source>
            <translation>Tên đăng nhập hoặc mật khẩu không đúng.</translation>
        </message>
        <message>
            <source>Too many wrong passwords. Try again after {time}.</source>
            <translation>Nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau {time}.</translation>
        </message>
        <message>
            <source>No such user: {name}</source>
            <translation>Không có tài khoản người dùng: {name}</translation>
        </message>
        <message>
            <source>The current password is wrong.</source>
            <translation>Mật khẩu hiện tại không đúng.</translation>
        </message>
        <message>
            <source>The new password must differ from the current one.</source>
            <translation>Mật khẩu mới phải khác mật khẩu hiện tại.</translation>
        </message>
        <message>
            <source>A user name has 1 to 60 letters, digits, dots, dashes or underscores (no accents).</source>
            <translation>Tên đăng nhập gồm từ 1 đến 60 ký tự, chỉ dùng chữ cái không dấu, chữ số, dấu chấm, dấu gạch ngang hoặc dấu gạch dưới.</translation>
        </message>
        <message>
            <source>Unknown role {role}; use reception, department, supervisor or admin.</source>
            <translation>Vai trò {role} không hợp lệ; hãy dùng reception (tiếp nhận), department (cơ quan giải quyết), supervisor (giám sát) hoặc admin (quản trị).</translation>
        </message>
        <message>
            <source>No department with code {code}.</source>
            <translation>Không có cơ quan chuyên môn nào có mã {code}.</translation>
        </message>
        <message>
            <source>A department officer needs a department.</source>
            <translation>Cán bộ của cơ quan chuyên môn phải được gắn với một cơ quan chuyên môn.</translation>
        </message>
        <message>
            <source>The user name {name} is taken.</source>
            <translation>Tên đăng nhập {name} đã được sử dụng.</translation>
        </message>
        <message>
            <source>Your role ({role}) may not do this.</source>
            <translation>Vai trò hiện tại ({role}) không có quyền thực hiện thao tác này.</translation>
        </message>
        <message>
            <source>No procedure with code {code}.</source>
            <translation>Không tìm thấy thủ tục có mã {code}.</translation>
        </message>
        <message>
            <source>The catalogue file has {count} error(s); nothing was imported.</source>
            <translation>Tệp danh mục thủ tục có {count} lỗi; chưa nhập dữ liệu nào.</translation>
        </message>
        <message>
            <source>Document "{document}": the brackets hold no counts.</source>
            <translation>Giấy tờ "{document}": trong dấu ngoặc vuông chưa ghi số lượng bản.</translation>
        </message>
        <message>
            <source>Document "{document}": "{item}" is not a count; write B:n, BS:n or BP:n.</source>
            <translation>Giấy tờ "{document}": "{item}" không phải là số lượng bản; hãy ghi theo dạng B:n (bản chính), BS:n (bản sao chứng thực) hoặc BP:n (bản photo).</translation>
        </message>
        <message>
            <source>Document "{document}": {key} is given twice.</source>
            <translation>Giấy tờ "{document}": {key} bị ghi hai lần.</translation>
        </message>
        <message>
            <source>Document "{document}": a count must be at most {max}.</source>
            <translation>Giấy tờ "{document}": số lượng bản không được vượt quá {max}.</translation>
        </message>
        <message>
            <source>Document "{document}": at least one count must be above zero.</source>
            <translation>Giấy tờ "{document}": phải có ít nhất một số lượng bản lớn hơn 0.</translation>
        </message>
        <message>
            <source>Document "{document}": unbalanced brackets; write counts as [B:n; BS:n; BP:n] at the end.</source>
            <translation>Giấy tờ "{document}": dấu ngoặc không khớp; hãy ghi số lượng bản ở cuối tên theo dạng [B:n; BS:n; BP:n].</translation>
        </message>
        <message>
            <source>A document entry has no name: "{document}".</source>
            <translation>Có giấy tờ chưa ghi tên: "{document}".</translation>
        </message>
        <message>
            <source>Document "{document}": the name is longer than {max} characters.</source>
            <translation>Giấy tờ "{document}": tên dài quá {max} ký tự.</translation>
        </message>
        <message>
            <source>The file is not UTF-8 text (byte {position}). Save it as "CSV UTF-8" and try again.</source>
            <translation>Tệp không phải là văn bản mã hóa UTF-8 (lỗi tại byte {position}). Vui lòng lưu lại tệp theo định dạng "CSV UTF-8" rồi thử lại.</translation>
        </message>
        <message>
            <source>The spreadsheet cannot be read: {reason}</source>
            <translation>Không đọc được bảng tính: {reason}</translation>
        </message>
        <message>
            <source>Unsupported file type "{suffix}": use a .csv or .xlsx file.</source>
            <translation>Không hỗ trợ loại tệp "{suffix}": vui lòng dùng tệp .csv hoặc .xlsx.</translation>
        </message>
        <message>
            <source>The column "{column}" appears more than once.</source>
            <translation>Cột "{column}" xuất hiện nhiều hơn một lần.</translation>
        </message>
        <message>
            <source>The required column "{column}" is missing.</source>
            <translation>Thiếu cột bắt buộc "{column}".</translation>
        </message>
        <message>
            <source>The fee cannot be negative: "{value}".</source>
            <translation>Mức phí, lệ phí không được là số âm: "{value}".</translation>
        </message>
        <message>
            <source>The fee "{value}" is too large.</source>
            <translation>Mức phí, lệ phí "{value}" quá lớn.</translation>
        </message>
        <message>
            <source>The fee "{value}" is not a whole number of đồng (e.g. 50.000).</source>
            <translation>Mức phí, lệ phí "{value}" phải là số đồng chẵn, không có phần lẻ (ví dụ: 50.000).</translation>
        </message>
        <message>
            <source>The code is longer than {max} characters.</source>
            <translation>Mã dài quá {max} ký tự.</translation>
        </message>
        <message>
            <source>The code "{value}" may contain only letters A–Z, digits, dots and dashes.</source>
            <translation>Mã "{value}" chỉ được gồm chữ cái A–Z, chữ số, dấu chấm và dấu gạch ngang.</translation>
        </message>
        <message>
            <source>The code "{value}" may contain only letters A–Z, digits, dots, dashes and underscores.</source>
            <translation>Mã "{value}" chỉ được gồm chữ cái A–Z, chữ số, dấu chấm, dấu gạch ngang và dấu gạch dưới.</translation>
        </message>
        <message>
            <source>The text is longer than {max} characters ({length}).</source>
            <translation>Nội dung dài quá {max} ký tự (hiện có {length}).</translation>
        </message>
        <message>
            <source>The procedure lists no documents.</source>
            <translation>Thủ tục chưa có thành phần hồ sơ nào.</translation>
        </message>
        <message>
            <source>This cell must not be empty.</source>
            <translation>Ô này không được để trống.</translation>
        </message>
        <message>
            <source>A same-day ("trong ngày") limit takes no number; leave it empty or 0.</source>
            <translation>Thời hạn "trong ngày" không ghi số; vui lòng để trống hoặc ghi 0.</translation>
        </message>
        <message>
            <source>Unknown unit "{value}": use working-days, calendar-days or working-hours.</source>
            <translation>Đơn vị thời hạn "{value}" không hợp lệ: hãy dùng working-days (ngày làm việc), calendar-days (ngày theo lịch) hoặc working-hours (giờ làm việc).</translation>
        </message>
        <message>
            <source>The time limit "{value}" is not a whole number from 0 to {max}.</source>
            <translation>Thời hạn giải quyết "{value}" không phải là số nguyên từ 0 đến {max}.</translation>
        </message>
        <message>
            <source>Unknown counting rule "{value}": use working-hours or civil, or leave it empty.</source>
            <translation>Cách tính thời hạn "{value}" không hợp lệ: hãy dùng working-hours (theo giờ làm việc) hoặc civil (theo Bộ luật Dân sự), hoặc để trống.</translation>
        </message>
        <message>
            <source>"{value}" is not yes or no (có / không).</source>
            <translation>"{value}" không hợp lệ; chỉ được ghi có hoặc không (yes / no).</translation>
        </message>
        <message>
            <source>Department {code} is named "{first_name}" in row {first_row}; use one name.</source>
            <translation>Cơ quan {code} đã được ghi tên là "{first_name}" ở dòng {first_row}; vui lòng dùng thống nhất một tên.</translation>
        </message>
        <message>
            <source>Field {code} is named "{first_name}" in row {first_row}; use one name.</source>
            <translation>Lĩnh vực {code} đã được ghi tên là "{first_name}" ở dòng {first_row}; vui lòng dùng thống nhất một tên.</translation>
        </message>
        <message>
            <source>Field {code} belongs to department {first_department} in row {first_row}; a field has one department.</source>
            <translation>Lĩnh vực {code} đã được ghi thuộc cơ quan {first_department} ở dòng {first_row}; mỗi lĩnh vực chỉ thuộc một cơ quan.</translation>
        </message>
        <message>
            <source>The file is empty.</source>
            <translation>Tệp không có dữ liệu.</translation>
        </message>
        <message>
            <source>Row 1 must hold the column names.</source>
            <translation>Dòng 1 phải là dòng tên cột.</translation>
        </message>
        <message>
            <source>The code "{code}" already appears in row {first_row}.</source>
            <translation>Mã "{code}" đã có ở dòng {first_row}.</translation>
        </message>
        <message>
            <source>The file has no procedures under its header row.</source>
            <translation>Tệp không có thủ tục nào bên dưới dòng tên cột.</translation>
        </message>
        <message>
            <source>No dossier with code {code}.</source>
            <translation>Không tìm thấy hồ sơ có mã {code}.</translation>
        </message>
        <message>
            <source>No slip with number {number}.</source>
            <translation>Không tìm thấy phiếu số {number}.</translation>
        </message>
        <message>
            <source>Invalid input: {summary}</source>
            <translation>Dữ liệu nhập không hợp lệ: {summary}</translation>
        </message>
        <message>
            <source>The dossier is incomplete ({count} required documents not ticked: {names}). Request a supplement instead.</source>
            <translation>Hồ sơ chưa đầy đủ (còn {count} giấy tờ bắt buộc chưa được đánh dấu: {names}). Vui lòng lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.</translation>
        </message>
        <message>
            <source>List at least one document to add or one thing to fix.</source>
            <translation>Vui lòng ghi ít nhất một giấy tờ cần bổ sung hoặc một nội dung cần hoàn thiện.</translation>
        </message>
        <message>
            <source>Give the reasons for the refusal.</source>
            <translation>Vui lòng ghi rõ lý do từ chối.</translation>
        </message>
        <message>
            <source>Choose individual or organisation.</source>
            <translation>Vui lòng chọn cá nhân hoặc tổ chức.</translation>
        </message>
        <message>
            <source>Sex must be male or female.</source>
            <translation>Giới tính phải là nam hoặc nữ.</translation>
        </message>
        <message>
            <source>Unknown kind of identifier.</source>
            <translation>Loại giấy tờ định danh không hợp lệ.</translation>
        </message>
        <message>
            <source>Enter the identifier.</source>
            <translation>Vui lòng nhập số định danh.</translation>
        </message>
        <message>
            <source>Enter the representative's identifier.</source>
            <translation>Vui lòng nhập số định danh của người đại diện.</translation>
        </message>
        <message>
            <source>Write the receipt time as YYYY-MM-DD HH:MM, a real date and time.</source>
            <translation>Vui lòng nhập thời điểm tiếp nhận theo dạng YYYY-MM-DD HH:MM (năm-tháng-ngày giờ:phút), là ngày giờ có thật.</translation>
        </message>
        <message>
            <source>The receipt time cannot be in the future.</source>
            <translation>Thời điểm tiếp nhận không được là thời điểm trong tương lai.</translation>
        </message>
        <message>
            <source>The receipt time is too far in the past.</source>
            <translation>Thời điểm tiếp nhận lùi quá xa so với hiện tại.</translation>
        </message>
        <message>
            <source>The number of sets must be a whole number from 1 to {max}.</source>
            <translation>Số bộ hồ sơ phải là số nguyên từ 1 đến {max}.</translation>
        </message>
        <message>
            <source>"{name}" is not a document of this procedure.</source>
            <translation>"{name}" không thuộc thành phần hồ sơ của thủ tục này.</translation>
        </message>
        <message>
            <source>Document counts must be between 0 and 99.</source>
            <translation>Số lượng bản của giấy tờ phải từ 0 đến 99.</translation>
        </message>
        <message>
            <source>Choose a procedure.</source>
            <translation>Vui lòng chọn thủ tục hành chính.</translation>
        </message>
        <message>
            <source>Choose how the result will be collected: counter, post or online.</source>
            <translation>Vui lòng chọn hình thức nhận kết quả: tại quầy, qua bưu chính hoặc trực tuyến.</translation>
        </message>
        <message>
            <source>Unknown key.</source>
            <translation>Khóa (key) không được hỗ trợ.</translation>
        </message>
        <message>
            <source>Must be a text string.</source>
            <translation>Giá trị phải là chuỗi văn bản.</translation>
        </message>
        <message>
            <source>The JSON must be an object.</source>
            <translation>Dữ liệu JSON phải là một đối tượng (object).</translation>
        </message>
        <message>
            <source>The applicant must be an object.</source>
            <translation>Thông tin người nộp hồ sơ (applicant) phải là một đối tượng (object).</translation>
        </message>
        <message>
            <source>Give the receiving officer's user name.</source>
            <translation>Vui lòng nhập tên đăng nhập của cán bộ tiếp nhận.</translation>
        </message>
        <message>
            <source>Documents must be "all" or a list of document names.</source>
            <translation>Danh sách giấy tờ (documents) phải là "all" hoặc danh sách tên giấy tờ.</translation>
        </message>
        <message>
            <source>The central database has no schema yet. Ask the administrator to run: counter-app central init URL</source>
            <translation>Cơ sở dữ liệu trung tâm chưa được khởi tạo cấu trúc (schema). Đề nghị quản trị viên chạy lệnh: counter-app central init URL</translation>
        </message>
        <message>
            <source>The database has no schema yet. Ask the administrator to run: counter-app db init</source>
            <translation>Cơ sở dữ liệu chưa được khởi tạo cấu trúc (schema). Đề nghị quản trị viên chạy lệnh: counter-app db init</translation>
        </message>
        <message>
            <source>The central database schema ({current}) is older than this program ({head}). Ask the administrator to run: counter-app central init URL</source>
            <translation>Phiên bản cấu trúc cơ sở dữ liệu trung tâm ({current}) cũ hơn phiên bản chương trình ({head}). Đề nghị quản trị viên chạy lệnh: counter-app central init URL</translation>
        </message>
        <message>
            <source>The database schema ({current}) is older than this program ({head}). Ask the administrator to run: counter-app db upgrade</source>
            <translation>Phiên bản cấu trúc cơ sở dữ liệu ({current}) cũ hơn phiên bản chương trình ({head}). Đề nghị quản trị viên chạy lệnh: counter-app db upgrade</translation>
        </message>
        <message>
            <source>The database schema ({current}) is newer than this program ({head}). Install the newer program.</source>
            <translation>Phiên bản cấu trúc cơ sở dữ liệu ({current}) mới hơn phiên bản chương trình ({head}). Vui lòng cài đặt phiên bản chương trình mới hơn.</translation>
        </message>
        <message>
            <source>New (online)</source>
            <translation>Mới tiếp nhận trực tuyến</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Ngày nhận</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Từ chối tiếp nhận</translation>
        </message>
        <message>
            <source>Processing</source>
            <translation>Đang xử lý</translation>
        </message>
        <message>
            <source>Supplement requested</source>
            <translation>Yêu cầu bổ sung hồ sơ</translation>
        </message>
        <message>
            <source>Waiting for fees or taxes</source>
            <translation>Chờ thực hiện nghĩa vụ tài chính</translation>
        </message>
        <message>
            <source>Withdrawn by the applicant</source>
            <translation>Công dân rút hồ sơ</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Dừng xử lý</translation>
        </message>
        <message>
            <source>Result ready</source>
            <translation>Đã có kết quả</translation>
        </message>
        <message>
            <source>Result returned</source>
            <translation>Đã trả kết quả</translation>
        </message>
        <message>
            <source>This field is required.</source>
            <translation>Bắt buộc phải nhập thông tin này.</translation>
        </message>
        <message>
            <source>This field can have at most {max_len} characters (it has {length}).</source>
            <translation>Trường này chỉ được tối đa {max_len} ký tự (hiện có {length}).</translation>
        </message>
        <message>
            <source>The character '{char}' ({codepoint}) is not allowed here.</source>
            <translation>Không được dùng ký tự '{char}' ({codepoint}) ở đây.</translation>
        </message>
        <message>
            <source>The text contains an unassigned or private-use character ({codepoint}).</source>
            <translation>Nội dung có ký tự không hợp lệ hoặc ký tự dùng riêng ({codepoint}).</translation>
        </message>
        <message>
            <source>A name must contain at least one letter.</source>
            <translation>Tên phải có ít nhất một chữ cái.</translation>
        </message>
        <message>
            <source>A personal identification number may contain only digits.</source>
            <translation>Số định danh cá nhân chỉ được gồm các chữ số.</translation>
        </message>
        <message>
            <source>A personal identification number must have exactly 12 digits (it has {count}).</source>
            <translation>Số định danh cá nhân phải gồm đúng 12 chữ số (hiện có {count}).</translation>
        </message>
        <message>
            <source>The first three digits ({code}) are not a province code.</source>
            <translation>Ba chữ số đầu ({code}) không phải là mã tỉnh, thành phố.</translation>
        </message>
        <message>
            <source>The birth year encoded in the number ({year}) is in the future.</source>
            <translation>Năm sinh thể hiện trong số định danh ({year}) là năm trong tương lai.</translation>
        </message>
        <message>
            <source>The 4th digit indicates birth between {start} and {end}, but the date of birth is in {year}.</source>
            <translation>Chữ số thứ 4 cho biết năm sinh trong khoảng {start}–{end}, nhưng ngày sinh đã nhập thuộc năm {year}.</translation>
        </message>
        <message>
            <source>Digits 5-6 ({digits}) do not match the year of birth {year}.</source>
            <translation>Chữ số thứ 5–6 ({digits}) không khớp với năm sinh {year}.</translation>
        </message>
        <message>
            <source>The 4th digit indicates a man, but the sex entered is female.</source>
            <translation>Chữ số thứ 4 cho biết giới tính nam, nhưng giới tính đã nhập là nữ.</translation>
        </message>
        <message>
            <source>The 4th digit indicates a woman, but the sex entered is male.</source>
            <translation>Chữ số thứ 4 cho biết giới tính nữ, nhưng giới tính đã nhập là nam.</translation>
        </message>
        <message>
            <source>A tax code has 10 digits, 10 digits plus a 3-digit branch number (0100109106-001), or 12 digits for an individual.</source>
            <translation>Mã số thuế gồm 10 chữ số, hoặc 10 chữ số kèm 3 chữ số mã đơn vị phụ thuộc (0100109106-001), hoặc 12 chữ số đối với cá nhân.</translation>
        </message>
        <message>
            <source>The check digit of tax code {code} is wrong; check the number for typing mistakes.</source>
            <translation>Chữ số kiểm tra của mã số thuế {code} không đúng; vui lòng kiểm tra lại xem có nhập nhầm không.</translation>
        </message>
        <message>
            <source>The branch number after the hyphen must be between 001 and 999.</source>
            <translation>Số thứ tự đơn vị phụ thuộc sau dấu gạch ngang phải từ 001 đến 999.</translation>
        </message>
        <message>
            <source>A passport number may contain only the letters A-Z and digits.</source>
            <translation>Số hộ chiếu chỉ được gồm chữ cái A–Z và chữ số.</translation>
        </message>
        <message>
            <source>A passport number must have 6 to 20 characters (it has {count}).</source>
            <translation>Số hộ chiếu phải có từ 6 đến 20 ký tự (hiện có {count}).</translation>
        </message>
        <message>
            <source>A passport number must contain at least one digit.</source>
            <translation>Số hộ chiếu phải có ít nhất một chữ số.</translation>
        </message>
        <message>
            <source>A phone number may contain only digits, spaces, dots, dashes, brackets and a leading +84.</source>
            <translation>Số điện thoại chỉ được gồm chữ số, dấu cách, dấu chấm, dấu gạch ngang, dấu ngoặc và tiền tố +84 ở đầu.</translation>
        </message>
        <message>
            <source>A Vietnamese phone number starts with 0 or +84.</source>
            <translation>Số điện thoại Việt Nam phải bắt đầu bằng 0 hoặc +84.</translation>
        </message>
        <message>
            <source>A phone number has 10 digits (mobile) or 11 digits (landline); this one has {count}.</source>
            <translation>Số điện thoại di động có 10 chữ số, số cố định có 11 chữ số; số này chỉ có {count}.</translation>
        </message>
        <message>
            <source>Numbers starting with {prefix} were 11-digit mobile numbers changed to 10 digits in 2018; ask for the current number.</source>
            <translation>Số bắt đầu bằng {prefix} là số di động 11 chữ số cũ, đã chuyển sang 10 chữ số từ năm 2018; vui lòng hỏi lại số hiện tại.</translation>
        </message>
        <message>
            <source>{prefix} is not a Vietnamese mobile network prefix.</source>
            <translation>{prefix} không phải là đầu số di động của nhà mạng Việt Nam.</translation>
        </message>
        <message>
            <source>A mobile number must have 10 digits (it has {count}).</source>
            <translation>Số điện thoại di động phải có 10 chữ số (hiện có {count}).</translation>
        </message>
        <message>
            <source>{prefix} is not a Vietnamese landline area code.</source>
            <translation>{prefix} không phải là mã vùng điện thoại cố định của Việt Nam.</translation>
        </message>
        <message>
            <source>A landline number must have 11 digits including the area code (it has {count}).</source>
            <translation>Số điện thoại cố định phải có 11 chữ số, kể cả mã vùng (hiện có {count}).</translation>
        </message>
        <message>
            <source>{prefix} is not a Vietnamese phone number prefix.</source>
            <translation>{prefix} không phải là đầu số điện thoại của Việt Nam.</translation>
        </message>
        <message>
            <source>Enter an email address like name@example.com.</source>
            <translation>Vui lòng nhập địa chỉ email theo dạng ten@example.com.</translation>
        </message>
        <message>
            <source>The part before @ in the email address is not valid.</source>
            <translation>Phần trước dấu @ của địa chỉ email không hợp lệ.</translation>
        </message>
        <message>
            <source>The domain after @ in the email address is not valid.</source>
            <translation>Tên miền sau dấu @ của địa chỉ email không hợp lệ.</translation>
        </message>
        <message>
            <source>Enter the date as DD/MM/YYYY.</source>
            <translation>Vui lòng nhập ngày theo dạng ngày/tháng/năm (DD/MM/YYYY).</translation>
        </message>
        <message>
            <source>{value} is not a real date.</source>
            <translation>{value} không phải là ngày có thật.</translation>
        </message>
        <message>
            <source>The date of birth cannot be in the future.</source>
            <translation>Ngày sinh không được là ngày trong tương lai.</translation>
        </message>
        <message>
            <source>The date of birth is more than {years} years ago.</source>
            <translation>Ngày sinh cách đây hơn {years} năm.</translation>
        </message>
        <message>
            <source>The central database URL must be a PostgreSQL URL: postgresql://user@host:port/database</source>
            <translation>Địa chỉ cơ sở dữ liệu trung tâm phải là địa chỉ PostgreSQL: postgresql://user@host:port/database</translation>
        </message>
        <message>
            <source>Invalid role name {role}: use lower-case letters, digits and underscores, starting with a letter.</source>
            <translation>Tên vai trò {role} không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng một chữ cái.</translation>
        </message>
        <message>
            <source>The role {role} cannot be the app's role: it must be a plain login role, not the owner of the database objects nor a member of the owner, and unable to create databases or roles.</source>
            <translation>Không thể dùng vai trò {role} làm vai trò của ứng dụng: đó phải là một vai trò đăng nhập thông thường, không phải chủ sở hữu các đối tượng trong cơ sở dữ liệu hay thành viên của chủ sở hữu, và không có quyền tạo cơ sở dữ liệu hoặc vai trò.</translation>
        </message>
        <message>
            <source>The role {role} could still create objects in schema {schema}: revoke CREATE on it from PUBLIC and from the role's groups, as the schema owner.</source>
            <translation>Vai trò {role} vẫn có thể tạo đối tượng trong schema {schema}: hãy dùng tài khoản chủ sở hữu schema để thu hồi quyền CREATE trên schema này của PUBLIC và của các nhóm chứa vai trò đó.</translation>
        </message>
        <message>
            <source>This workstation has not joined a central database. Run: counter-app join URL --counter N</source>
            <translation>Máy trạm này chưa kết nối cơ sở dữ liệu trung tâm. Hãy chạy: counter-app join URL --counter N</translation>
        </message>
        <message>
            <source>Cannot reach the central database {url}: {reason}</source>
            <translation>Không kết nối được cơ sở dữ liệu trung tâm {url}: {reason}</translation>
        </message>
        <message>
            <source>The counter number must be between 1 and 999.</source>
            <translation>Số quầy phải từ 1 đến 999.</translation>
        </message>
        <message>
            <source>This data folder is already joined to {url}. Use another data folder (--data-dir).</source>
            <translation>Thư mục dữ liệu này đã được kết nối với {url}. Hãy dùng thư mục dữ liệu khác (--data-dir).</translation>
        </message>
        <message>
            <source>This data folder holds a standalone database with data. Join with an empty data folder (--data-dir).</source>
            <translation>Thư mục dữ liệu này đang chứa cơ sở dữ liệu độc lập có dữ liệu. Hãy kết nối bằng một thư mục dữ liệu trống (--data-dir).</translation>
        </message>
        <message>
            <source>Counter {n} is already used by another workstation. Choose another counter number, or join with --replace if this workstation replaces it.</source>
            <translation>Quầy {n} đang được một máy trạm khác sử dụng. Hãy chọn số quầy khác, hoặc kết nối với tùy chọn --replace nếu máy trạm này thay thế máy trạm đó.</translation>
        </message>
        <message>
            <source>Only an administrator may join this workstation to a central database.</source>
            <translation>Chỉ quản trị viên mới được kết nối máy trạm này với cơ sở dữ liệu trung tâm.</translation>
        </message>
        <message>
            <source>Joining the central database failed: {reason}</source>
            <translation>Kết nối với cơ sở dữ liệu trung tâm thất bại: {reason}</translation>
        </message>
        <message>
            <source>A reason is required.</source>
            <translation>Phải nhập lý do.</translation>
        </message>
        <message>
            <source>There is no ticket {ticket}.</source>
            <translation>Không có số thứ tự {ticket}.</translation>
        </message>
        <message>
            <source>There is no service group {code}.</source>
            <translation>Không có nhóm dịch vụ {code}.</translation>
        </message>
        <message>
            <source>Ticket {number} may be marked as a no-show only after {n} calls.</source>
            <translation>Chỉ được đánh dấu số {number} vắng mặt sau {n} lần gọi.</translation>
        </message>
        <message>
            <source>Choose a group or a counter to transfer to.</source>
            <translation>Hãy chọn nhóm hoặc quầy để chuyển đến.</translation>
        </message>
        <message>
            <source>Counter {counter} is paused; resume it first.</source>
            <translation>Quầy {counter} đang tạm dừng; hãy tiếp tục trước.</translation>
        </message>
        <message>
            <source>Counter {counter} is serving ticket {number}; finish or transfer it first.</source>
            <translation>Quầy {counter} đang phục vụ số {number}; hãy kết thúc hoặc chuyển số này trước.</translation>
        </message>
        <message>
            <source>Ticket {number} is not at counter {counter}.</source>
            <translation>Số {number} không thuộc quầy {counter}.</translation>
        </message>
        <message>
            <source>Ticket {number} is {status}; this is not possible now.</source>
            <translation>Số {number} đang ở trạng thái {status}; hiện không thể thực hiện thao tác này.</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>đang chờ</translation>
        </message>
        <message>
            <source>called to a counter</source>
            <translation>đã được mời đến quầy</translation>
        </message>
        <message>
            <source>being served</source>
            <translation>đang được phục vụ</translation>
        </message>
        <message>
            <source>transferred and waiting</source>
            <translation>đã chuyển, đang chờ</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>đã phục vụ xong</translation>
        </message>
        <message>
            <source>marked as a no-show</source>
            <translation>vắng mặt</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>đã hủy</translation>
        </message>
        <message>
            <source>closed at the end of the day</source>
            <translation>đã đóng khi hết ngày</translation>
        </message>
        <message>
            <source>The account {name} is disabled.</source>
            <translation>Tài khoản {name} đã bị vô hiệu hóa.</translation>
        </message>
        <message>
            <source>This dossier belongs to another department.</source>
            <translation>Hồ sơ này thuộc cơ quan chuyên môn khác.</translation>
        </message>
        <message>
            <source>Not possible while the dossier is "{status}".</source>
            <translation>Không thực hiện được khi hồ sơ đang ở trạng thái "{status}".</translation>
        </message>
        <message>
            <source>Early</source>
            <translation>Trước hạn</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>Đúng hạn</translation>
        </message>
        <message>
            <source>Late</source>
            <translation>Trễ hạn</translation>
        </message>
        <message>
            <source>Select at least one dossier to hand over.</source>
            <translation>Vui lòng chọn ít nhất một hồ sơ để bàn giao.</translation>
        </message>
        <message>
            <source>A hand-over list goes to one department: these dossiers belong to several.</source>
            <translation>Mỗi danh sách bàn giao chỉ gửi cho một cơ quan chuyên môn: các hồ sơ đã chọn thuộc nhiều cơ quan khác nhau.</translation>
        </message>
        <message>
            <source>Dossier {code} was already handed over (list {list}).</source>
            <translation>Hồ sơ {code} đã được bàn giao (danh sách {list}).</translation>
        </message>
        <message>
            <source>Dossier {code} has not been handed over to the department yet.</source>
            <translation>Hồ sơ {code} chưa được bàn giao cho cơ quan chuyên môn.</translation>
        </message>
        <message>
            <source>No dossier waits for confirmation on hand-over list {list}.</source>
            <translation>Không có hồ sơ nào trong danh sách bàn giao {list} đang chờ xác nhận đã nhận.</translation>
        </message>
        <message>
            <source>The due date of this dossier was already moved once (on {date}); it cannot be moved again.</source>
            <translation>Ngày hẹn trả của hồ sơ này đã được dời một lần (ngày {date}); không thể dời lần nữa.</translation>
        </message>
        <message>
            <source>Dossier {code} is not late; there is nothing to explain.</source>
            <translation>Hồ sơ {code} không quá hạn; không cần giải trình.</translation>
        </message>
        <message>
            <source>Unknown return method {method}; use counter, post or online.</source>
            <translation>Không rõ hình thức trả kết quả {method}; chỉ chấp nhận: tại quầy (counter), qua bưu chính công ích (post) hoặc trực tuyến (online).</translation>
        </message>
        <message>
            <source>{date} is not a working day; choose a working day for the new date.</source>
            <translation>Ngày {date} không phải là ngày làm việc; vui lòng chọn một ngày làm việc làm ngày hẹn mới.</translation>
        </message>
        <message>
            <source>The new date must be later than the current appointment ({due}).</source>
            <translation>Ngày hẹn mới phải sau ngày hẹn hiện tại ({due}).</translation>
        </message>
        <message>
            <source>The identifier shown does not match the dossier's applicant.</source>
            <translation>Số định danh xuất trình không khớp với người nộp hồ sơ.</translation>
        </message>
        <message>
            <source>Dossier {code} has no apology (Form 04).</source>
            <translation>Hồ sơ {code} chưa có phiếu xin lỗi (Mẫu 04).</translation>
        </message>
        <message>
            <source>The result of dossier {code} has not been returned.</source>
            <translation>Hồ sơ {code} chưa được trả kết quả.</translation>
        </message>
        <message>
            <source>No hand-over list {list}.</source>
            <translation>Không có danh sách bàn giao số {list}.</translation>
        </message>
        <message>
            <source>No field with code {code}.</source>
            <translation>Không có lĩnh vực nào có mã {code}.</translation>
        </message>
        <message>
            <source>The period ends before it starts.</source>
            <translation>Ngày kết thúc kỳ trước ngày bắt đầu.</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <source>Change your password</source>
            <translation>Đổi mật khẩu</translation>
        </message>
        <message>
            <source>{name}, please choose your own password before you start. It needs at least 8 characters, with letters and digits.</source>
            <translation>Xin chào {name}! Vui lòng đặt mật khẩu riêng trước khi bắt đầu làm việc. Mật khẩu phải có ít nhất 8 ký tự, gồm cả chữ cái và chữ số.</translation>
        </message>
        <message>
            <source>&amp;Current password:</source>
            <translation>Mật khẩu &amp;hiện tại:</translation>
        </message>
        <message>
            <source>&amp;New password:</source>
            <translation>Mật khẩu &amp;mới:</translation>
        </message>
        <message>
            <source>&amp;Repeat the new password:</source>
            <translation>&amp;Nhập lại mật khẩu mới:</translation>
        </message>
        <message>
            <source>&amp;Change password</source>
            <translation>Đổi mật &amp;khẩu</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Thoát</translation>
        </message>
        <message>
            <source>The two new passwords are different.</source>
            <translation>Hai lần nhập mật khẩu mới không khớp nhau.</translation>
        </message>
        <message>
            <source>The password could not be changed: {reason}</source>
            <translation>Không đổi được mật khẩu: {reason}</translation>
        </message>
    </context>
    <context>
        <name>PauseDialog</name>
        <message>
            <source>Pause the counter</source>
            <translation>Tạm dừng quầy</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>&amp;Tạm dừng</translation>
        </message>
        <message>
            <source>Short break</source>
            <translation>Nghỉ giải lao</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Họp</translation>
        </message>
        <message>
            <source>Technical problem</source>
            <translation>Sự cố kỹ thuật</translation>
        </message>
        <message>
            <source>Helping at another counter</source>
            <translation>Hỗ trợ quầy khác</translation>
        </message>
        <message>
            <source>&amp;Reason (choose or type):</source>
            <translation>&amp;Lý do (chọn hoặc nhập):</translation>
        </message>
        <message>
            <source>Give the reason for the pause.</source>
            <translation>Hãy nêu lý do tạm dừng.</translation>
        </message>
    </context>
    <context>
        <name>PdfPreviewDialog</name>
        <message>
            <source>&amp;Print</source>
            <translation>&amp;In</translation>
        </message>
        <message>
            <source>Print (Ctrl+P)</source>
            <translation>In (Ctrl+P)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>Đóng (Esc)</translation>
        </message>
    </context>
    <context>
        <name>PrintOutput</name>
        <message>
            <source>The document could not be read for printing.</source>
            <translation>Không đọc được tài liệu để in.</translation>
        </message>
        <message>
            <source>The printer could not start the job (is it connected and switched on?).</source>
            <translation>Máy in không bắt đầu in được (máy in đã được kết nối và bật chưa?).</translation>
        </message>
        <message>
            <source>The printer refused a new page.</source>
            <translation>Máy in không nhận trang mới.</translation>
        </message>
        <message>
            <source>A page could not be rendered for printing.</source>
            <translation>Không dựng được một trang để in.</translation>
        </message>
        <message>
            <source>The PDF could not be saved in {folder}: {reason}</source>
            <translation>Không lưu được tệp PDF vào {folder}: {reason}</translation>
        </message>
        <message>
            <source>The document could not be prepared: {reason}</source>
            <translation>Không tạo được tài liệu để in: {reason}</translation>
        </message>
        <message>
            <source>Preview: {reference}</source>
            <translation>Xem trước: {reference}</translation>
        </message>
        <message>
            <source>default printer</source>
            <translation>máy in mặc định</translation>
        </message>
        <message>
            <source>No printer is available ({name}).</source>
            <translation>Không có máy in khả dụng ({name}).</translation>
        </message>
        <message>
            <source>Printing was cancelled.</source>
            <translation>Đã hủy lệnh in.</translation>
        </message>
        <message>
            <source>Printing failed</source>
            <translation>In không thành công</translation>
        </message>
    </context>
    <context>
        <name>ProcedurePicker</name>
        <message>
            <source>Type words of the name or the code, e.g. "ly lich tu phap"</source>
            <translation>Gõ từ trong tên (có thể không dấu) hoặc mã, VD: “ly lich tu phap”</translation>
        </message>
        <message>
            <source>Search procedures</source>
            <translation>Tìm thủ tục</translation>
        </message>
        <message>
            <source>Procedures</source>
            <translation>Danh sách thủ tục</translation>
        </message>
        <message>
            <source>Showing {shown} of {total} procedures</source>
            <translation>Hiển thị {shown}/{total} thủ tục</translation>
        </message>
    </context>
    <context>
        <name>ProcedureTableModel</name>
        <message>
            <source>Code</source>
            <translation>Mã hồ sơ</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Thủ tục</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <source>Time limit</source>
            <translation>Thời hạn</translation>
        </message>
    </context>
    <context>
        <name>QueuePanel</name>
        <message>
            <source>Call next</source>
            <translation>Gọi số tiếp</translation>
        </message>
        <message>
            <source>Call the next waiting ticket to this counter</source>
            <translation>Gọi số đang chờ tiếp theo đến quầy này</translation>
        </message>
        <message>
            <source>Recall</source>
            <translation>Gọi lại</translation>
        </message>
        <message>
            <source>Call the same ticket again</source>
            <translation>Gọi lại số vừa gọi</translation>
        </message>
        <message>
            <source>No-show</source>
            <translation>Vắng mặt</translation>
        </message>
        <message>
            <source>The holder did not come after the calls</source>
            <translation>Người giữ số không đến sau các lần gọi</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Bắt đầu</translation>
        </message>
        <message>
            <source>The holder is here: start serving and open the intake page</source>
            <translation>Người giữ số đã đến: bắt đầu phục vụ và mở trang tiếp nhận</translation>
        </message>
        <message>
            <source>Finish…</source>
            <translation>Kết thúc…</translation>
        </message>
        <message>
            <source>Finish serving, with the outcome</source>
            <translation>Kết thúc phục vụ, ghi kết quả</translation>
        </message>
        <message>
            <source>Transfer…</source>
            <translation>Chuyển…</translation>
        </message>
        <message>
            <source>Send the ticket to another group or counter</source>
            <translation>Chuyển số sang lĩnh vực hoặc quầy khác</translation>
        </message>
        <message>
            <source>Pause…</source>
            <translation>Tạm dừng…</translation>
        </message>
        <message>
            <source>Stop calling for a while, with a reason</source>
            <translation>Ngừng gọi số một lúc, có nêu lý do</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Tiếp tục</translation>
        </message>
        <message>
            <source>Start calling again</source>
            <translation>Gọi số trở lại</translation>
        </message>
        <message>
            <source>Call a number…</source>
            <translation>Gọi một số…</translation>
        </message>
        <message>
            <source>Call a waiting ticket out of order (a reason is required)</source>
            <translation>Gọi một số đang chờ không theo thứ tự (bắt buộc nêu lý do)</translation>
        </message>
        <message>
            <source>Reprint ticket…</source>
            <translation>In lại phiếu…</translation>
        </message>
        <message>
            <source>Print a ticket again (e.g. the kiosk printer failed)</source>
            <translation>In lại phiếu số thứ tự (ví dụ khi máy in ở ki-ốt bị lỗi)</translation>
        </message>
        <message>
            <source>Called {number} again (call {n}).</source>
            <translation>Đã gọi lại số {number} (lần {n}).</translation>
        </message>
        <message>
            <source>{number} did not come; the counter is free.</source>
            <translation>Số {number} vắng mặt; quầy đang rảnh.</translation>
        </message>
        <message>
            <source>{number} finished.</source>
            <translation>Đã phục vụ xong số {number}.</translation>
        </message>
        <message>
            <source>Counter paused.</source>
            <translation>Quầy đã tạm dừng.</translation>
        </message>
        <message>
            <source>Counter open again.</source>
            <translation>Quầy đã hoạt động lại.</translation>
        </message>
        <message>
            <source>Called {number} out of order.</source>
            <translation>Đã gọi số {number} không theo thứ tự.</translation>
        </message>
        <message>
            <source>Reprinting ticket {number}…</source>
            <translation>Đang in lại phiếu số {number}…</translation>
        </message>
        <message>
            <source>Another queue action is running; try again in a moment.</source>
            <translation>Một thao tác hàng đợi khác đang chạy; vui lòng thử lại sau giây lát.</translation>
        </message>
        <message>
            <source>Dossier {code} linked to ticket {number}.</source>
            <translation>Hồ sơ {code} đã được gắn với số {number}.</translation>
        </message>
        <message>
            <source>Dossier {code} is saved; its link to ticket {number} is not made yet and will be retried by itself.</source>
            <translation>Hồ sơ {code} đã được lưu; việc gắn với số {number} chưa thực hiện được và sẽ tự động thử lại.</translation>
        </message>
        <message>
            <source>The queue database cannot be reached; nothing was changed. Try again in a moment.</source>
            <translation>Không kết nối được cơ sở dữ liệu hàng đợi; chưa có gì thay đổi. Vui lòng thử lại sau giây lát.</translation>
        </message>
        <message>
            <source>Nobody is waiting for this counter.</source>
            <translation>Không có ai đang chờ quầy này.</translation>
        </message>
        <message>
            <source>Called {number}.</source>
            <translation>Đã gọi số {number}.</translation>
        </message>
        <message>
            <source>Serving {number}: receive the dossier on the intake page.</source>
            <translation>Đang phục vụ số {number}: tiếp nhận hồ sơ ở trang tiếp nhận.</translation>
        </message>
        <message>
            <source>{number} transferred to group {group}.</source>
            <translation>Đã chuyển số {number} sang lĩnh vực {group}.</translation>
        </message>
        <message>
            <source>{number} transferred to counter {n}.</source>
            <translation>Đã chuyển số {number} sang quầy {n}.</translation>
        </message>
        <message>
            <source>Counter {n}</source>
            <translation>Quầy {n}</translation>
        </message>
        <message>
            <source>call {n}</source>
            <translation>lần gọi {n}</translation>
        </message>
        <message>
            <source>PRIORITY</source>
            <translation>ƯU TIÊN</translation>
        </message>
        <message>
            <source>Paused: {reason} — since {time}</source>
            <translation>Tạm dừng: {reason} — từ {time}</translation>
        </message>
        <message>
            <source>Serving {number} for {duration}</source>
            <translation>Đang phục vụ số {number} được {duration}</translation>
        </message>
        <message>
            <source>Calling {number} for {duration}: waiting for the holder</source>
            <translation>Đang mời số {number} được {duration}: chờ người giữ số</translation>
        </message>
        <message>
            <source>Free — call the next ticket</source>
            <translation>Đang rảnh — gọi số tiếp theo</translation>
        </message>
        <message>
            <source>Waiting: {counts}</source>
            <translation>Đang chờ: {counts}</translation>
        </message>
    </context>
    <context>
        <name>ReadyTableModel</name>
        <message>
            <source>Dossier code</source>
            <translation>Mã hồ sơ</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>Người nộp</translation>
        </message>
        <message>
            <source>Identifier</source>
            <translation>Số định danh</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Thủ tục</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>Cơ quan</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Hẹn trả</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>To &amp;counter number (1–999):</source>
            <translation>Đến &amp;quầy số (1–999):</translation>
        </message>
        <message>
            <source>R&amp;eason (kept in the audit):</source>
            <translation>&amp;Lý do (được lưu để giám sát):</translation>
        </message>
        <message>
            <source>Type a counter number from 1 to 999.</source>
            <translation>Nhập số quầy từ 1 đến 999.</translation>
        </message>
        <message>
            <source>Type the reason: it is kept in the audit for the record.</source>
            <translation>Nhập lý do: lý do được lưu lại để giám sát.</translation>
        </message>
    </context>
    <context>
        <name>RefusalDialog</name>
        <message>
            <source>Refuse the request (Form 03)</source>
            <translation>Từ chối tiếp nhận hồ sơ (Mẫu 03)</translation>
        </message>
        <message>
            <source>&amp;Reasons for the refusal (one per line):</source>
            <translation>&amp;Lý do từ chối (mỗi dòng một lý do):</translation>
        </message>
        <message>
            <source>&amp;Refuse and print</source>
            <translation>&amp;Từ chối và in phiếu</translation>
        </message>
    </context>
    <context>
        <name>ReturnHowForm</name>
        <message>
            <source>Receipt (Form 01) &amp;taken back</source>
            <translation>Đã thu &amp;lại Giấy tiếp nhận (Mẫu 01)</translation>
        </message>
        <message>
            <source>&amp;Method:</source>
            <translation>&amp;Phương thức trả:</translation>
        </message>
        <message>
            <source>&amp;Postal reference:</source>
            <translation>&amp;Mã bưu gửi:</translation>
        </message>
        <message>
            <source>N&amp;ote:</source>
            <translation>Ghi &amp;chú:</translation>
        </message>
        <message>
            <source>the postal service's tracking number</source>
            <translation>mã bưu gửi của đơn vị bưu chính</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>không bắt buộc</translation>
        </message>
    </context>
    <context>
        <name>ReturnPage</name>
        <message>
            <source>Scan the receipt's QR code or barcode, or type the dossier code, then Enter</source>
            <translation>Quét mã QR hoặc mã vạch trên giấy tiếp nhận, hoặc nhập mã hồ sơ, rồi nhấn Enter</translation>
        </message>
        <message>
            <source>Look up</source>
            <translation>Tìm</translation>
        </message>
        <message>
            <source>Refresh (F5)</source>
            <translation>Làm mới (F5)</translation>
        </message>
        <message>
            <source>Return result  (Ctrl+Enter)</source>
            <translation>Trả kết quả  (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>&amp;Supplement received</source>
            <translation>Đã nhận &amp;bổ sung hồ sơ</translation>
        </message>
        <message>
            <source>&amp;Fees paid</source>
            <translation>Đã nộp phí, &amp;thuế</translation>
        </message>
        <message>
            <source>Wit&amp;hdraw…</source>
            <translation>&amp;Rút hồ sơ…</translation>
        </message>
        <message>
            <source>Sc&amp;an:</source>
            <translation>&amp;Quét:</translation>
        </message>
        <message>
            <source>Results &amp;waiting to be collected</source>
            <translation>&amp;Kết quả chờ trả</translation>
        </message>
        <message>
            <source>Who collects the result</source>
            <translation>Người nhận kết quả</translation>
        </message>
        <message>
            <source>The waiting results could not be read: {reason}</source>
            <translation>Không đọc được danh sách kết quả chờ trả: {reason}</translation>
        </message>
        <message>
            <source>Scan the receipt, or type the dossier code.</source>
            <translation>Hãy quét giấy tiếp nhận hoặc nhập mã hồ sơ.</translation>
        </message>
        <message>
            <source>Could not open {code}: {reason}</source>
            <translation>Không mở được hồ sơ {code}: {reason}</translation>
        </message>
        <message>
            <source>Scan the receipt first.</source>
            <translation>Hãy quét giấy tiếp nhận trước.</translation>
        </message>
        <message>
            <source>Result of {code} returned ({method}) at {time}.</source>
            <translation>Đã trả kết quả hồ sơ {code} ({method}) lúc {time}.</translation>
        </message>
        <message>
            <source>Collected by {name} (authorised).</source>
            <translation>Người nhận: {name} (được ủy quyền).</translation>
        </message>
        <message>
            <source>Returned; printing the acknowledgement…</source>
            <translation>Đã trả kết quả; đang in biên nhận…</translation>
        </message>
        <message>
            <source>Acknowledgement printed → {target}</source>
            <translation>Đã in biên nhận → {target}</translation>
        </message>
        <message>
            <source>The result is recorded as returned, but printing the acknowledgement failed: {reason}</source>
            <translation>Đã ghi nhận trả kết quả, nhưng in biên nhận thất bại: {reason}</translation>
        </message>
        <message>
            <source>Not returned: {reason}</source>
            <translation>Chưa trả kết quả: {reason}</translation>
        </message>
        <message>
            <source>Not returned. Correct the fields marked in red.</source>
            <translation>Chưa trả kết quả. Vui lòng sửa các trường được đánh dấu đỏ.</translation>
        </message>
        <message>
            <source>Supplement of {code} received; due now {due}.</source>
            <translation>Đã nhận hồ sơ bổ sung của {code}; hạn trả mới {due}.</translation>
        </message>
        <message>
            <source>Fees of {code} paid; due now {due}.</source>
            <translation>Hồ sơ {code} đã nộp phí, thuế; hẹn trả mới {due}.</translation>
        </message>
        <message>
            <source>Dossier {code} withdrawn at the applicant's request.</source>
            <translation>Đã rút hồ sơ {code} theo đề nghị của người nộp hồ sơ.</translation>
        </message>
        <message>
            <source>Not done: {reason}</source>
            <translation>Chưa thực hiện: {reason}</translation>
        </message>
    </context>
    <context>
        <name>SlipView</name>
        <message>
            <source>&amp;Reprint (F5)</source>
            <translation>&amp;In lại (F5)</translation>
        </message>
        <message>
            <source>Pre&amp;view</source>
            <translation>&amp;Xem trước</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Thủ tục</translation>
        </message>
        <message>
            <source>Given</source>
            <translation>Ngày lập</translation>
        </message>
        <message>
            <source>Applicant is</source>
            <translation>Đối tượng</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>Người nộp</translation>
        </message>
        <message>
            <source>Identifier</source>
            <translation>Số định danh</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Địa chỉ</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>Representative</source>
            <translation>Người đại diện</translation>
        </message>
        <message>
            <source>Authorisation document</source>
            <translation>Văn bản ủy quyền</translation>
        </message>
        <message>
            <source>Given by</source>
            <translation>Cán bộ lập phiếu</translation>
        </message>
        <message>
            <source>Counter</source>
            <translation>Quầy</translation>
        </message>
        <message>
            <source>Document to add or fix</source>
            <translation>Giấy tờ cần bổ sung, hoàn thiện</translation>
        </message>
        <message>
            <source>Originals</source>
            <translation>Bản chính</translation>
        </message>
        <message>
            <source>Certified copies</source>
            <translation>Bản sao chứng thực</translation>
        </message>
        <message>
            <source>Photocopies</source>
            <translation>Bản photo</translation>
        </message>
        <message>
            <source>Notes and reasons</source>
            <translation>Ghi chú và lý do</translation>
        </message>
    </context>
    <context>
        <name>StandardButtons</name>
        <message>
            <source>OK</source>
            <translation>Đồng ý</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Có</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Không</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
    </context>
    <context>
        <name>SupervisorQueue</name>
        <message>
            <source>Serving {ticket} for {duration}</source>
            <translation>Đang phục vụ {ticket} được {duration}</translation>
        </message>
        <message>
            <source>Calling {ticket} for {duration}</source>
            <translation>Đang mời {ticket} được {duration}</translation>
        </message>
        <message>
            <source>Paused: {reason}, since {time}</source>
            <translation>Tạm dừng: {reason}, từ {time}</translation>
        </message>
        <message>
            <source>Free since {time}</source>
            <translation>Rảnh từ {time}</translation>
        </message>
        <message>
            <source>Not opened</source>
            <translation>Chưa mở</translation>
        </message>
        <message>
            <source>Called out of order at counter {n}</source>
            <translation>Gọi không theo thứ tự tại quầy {n}</translation>
        </message>
        <message>
            <source>Reassigned to counter {n}</source>
            <translation>Điều chuyển sang quầy {n}</translation>
        </message>
        <message>
            <source>counter {n}</source>
            <translation>quầy {n}</translation>
        </message>
        <message>
            <source>group {code}</source>
            <translation>nhóm {code}</translation>
        </message>
        <message>
            <source>Transferred from counter {n} to {target}</source>
            <translation>Quầy {n} chuyển sang {target}</translation>
        </message>
        <message>
            <source>Sent back to the queue by counter {n}</source>
            <translation>Quầy {n} trả lại hàng chờ</translation>
        </message>
        <message>
            <source>Counter {n} paused</source>
            <translation>Quầy {n} tạm dừng</translation>
        </message>
        <message>
            <source>Counter {n} resumed</source>
            <translation>Quầy {n} làm việc lại</translation>
        </message>
        <message>
            <source>Did not come to counter {n}</source>
            <translation>Không đến quầy {n}</translation>
        </message>
    </context>
    <context>
        <name>SupervisorQueuePage</name>
        <message>
            <source>Waiting now</source>
            <translation>Đang chờ</translation>
        </message>
        <message>
            <source>Issued today</source>
            <translation>Đã cấp hôm nay</translation>
        </message>
        <message>
            <source>Served today</source>
            <translation>Đã phục vụ hôm nay</translation>
        </message>
        <message>
            <source>Average wait</source>
            <translation>Thời gian chờ TB</translation>
        </message>
        <message>
            <source>Average service</source>
            <translation>Thời gian phục vụ TB</translation>
        </message>
        <message>
            <source>Reassign… (Enter)</source>
            <translation>Điều chuyển… (Enter)</translation>
        </message>
        <message>
            <source>Cancel ticket… (Del)</source>
            <translation>Hủy phiếu… (Del)</translation>
        </message>
        <message>
            <source>&amp;Waiting tickets</source>
            <translation>&amp;Phiếu đang chờ</translation>
        </message>
        <message>
            <source>&amp;Audit of today</source>
            <translation>&amp;Nhật ký giám sát hôm nay</translation>
        </message>
        <message>
            <source>C&amp;ounters</source>
            <translation>&amp;Các quầy</translation>
        </message>
        <message>
            <source>Updated {time}</source>
            <translation>Cập nhật lúc {time}</translation>
        </message>
        <message>
            <source>Send ticket {ticket} ({group}) to one counter? Only that counter will call it, before its other tickets.</source>
            <translation>Chuyển phiếu {ticket} ({group}) cho một quầy? Chỉ quầy đó gọi phiếu này, trước các phiếu khác của quầy.</translation>
        </message>
        <message>
            <source>Reassign ticket {ticket}</source>
            <translation>Điều chuyển phiếu {ticket}</translation>
        </message>
        <message>
            <source>&amp;Reassign</source>
            <translation>Điều &amp;chuyển</translation>
        </message>
        <message>
            <source>Cancel ticket {ticket} ({group})? It leaves the queue and will not be called.</source>
            <translation>Hủy phiếu {ticket} ({group})? Phiếu rời hàng chờ và sẽ không được gọi.</translation>
        </message>
        <message>
            <source>Cancel ticket {ticket}</source>
            <translation>Hủy phiếu {ticket}</translation>
        </message>
        <message>
            <source>Cancel &amp;the ticket</source>
            <translation>&amp;Hủy phiếu</translation>
        </message>
        <message>
            <source>Choose a waiting ticket first.</source>
            <translation>Hãy chọn một phiếu đang chờ trước.</translation>
        </message>
        <message>
            <source>Ticket {ticket} now waits for counter {n}.</source>
            <translation>Phiếu {ticket} nay chờ quầy {n}.</translation>
        </message>
        <message>
            <source>Ticket {ticket} was cancelled.</source>
            <translation>Đã hủy phiếu {ticket}.</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>Đang xử lý…</translation>
        </message>
        <message>
            <source>Not done: {reason}</source>
            <translation>Chưa thực hiện: {reason}</translation>
        </message>
    </context>
    <context>
        <name>SupplementDialog</name>
        <message>
            <source>Request a supplement (Form 02)</source>
            <translation>Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)</translation>
        </message>
        <message>
            <source>Documents to add</source>
            <translation>Giấy tờ cần bổ sung</translation>
        </message>
        <message>
            <source>{name} (optional)</source>
            <translation>{name} (không bắt buộc)</translation>
        </message>
        <message>
            <source>&amp;Documents to add (Space ticks or unticks):</source>
            <translation>&amp;Giấy tờ cần bổ sung (nhấn Space để chọn hoặc bỏ chọn):</translation>
        </message>
        <message>
            <source>Other things to add or &amp;fix (one per line):</source>
            <translation>Nội dung khác cần bổ sung, &amp;sửa đổi (mỗi dòng một nội dung):</translation>
        </message>
        <message>
            <source>&amp;Issue and print</source>
            <translation>&amp;Lập và in phiếu</translation>
        </message>
        <message>
            <source>Everything missing must be listed now, once and completely.</source>
            <translation>Phải liệt kê đầy đủ mọi nội dung còn thiếu ngay trong lần này: chỉ yêu cầu bổ sung một lần duy nhất.</translation>
        </message>
    </context>
    <context>
        <name>SyncIndicator</name>
        <message>
            <source>Connecting…</source>
            <translation>Đang kết nối…</translation>
        </message>
        <message>
            <source>Offline since {time}</source>
            <translation>Mất kết nối từ {time}</translation>
        </message>
        <message numerus="yes">
            <source>%n change(s) waiting to sync</source>
            <translation>
                <numerusform>%n thay đổi chờ đồng bộ</numerusform>
            </translation>
        </message>
        <message>
            <source>Online</source>
            <translation>Trực tuyến</translation>
        </message>
    </context>
    <context>
        <name>TicketNumberDialog</name>
        <message>
            <source>Call a ticket out of order</source>
            <translation>Gọi số không theo thứ tự</translation>
        </message>
        <message>
            <source>Reprint a ticket</source>
            <translation>In lại phiếu số thứ tự</translation>
        </message>
        <message>
            <source>&amp;Call</source>
            <translation>&amp;Gọi</translation>
        </message>
        <message>
            <source>&amp;Reprint</source>
            <translation>&amp;In lại</translation>
        </message>
        <message>
            <source>e.g. A012</source>
            <translation>ví dụ A012</translation>
        </message>
        <message>
            <source>Ticket &amp;number:</source>
            <translation>&amp;Số thứ tự:</translation>
        </message>
        <message>
            <source>Elderly person or person with a disability</source>
            <translation>Người cao tuổi hoặc người khuyết tật</translation>
        </message>
        <message>
            <source>Pregnant woman or small child</source>
            <translation>Phụ nữ mang thai hoặc có con nhỏ</translation>
        </message>
        <message>
            <source>Came back with the missing documents</source>
            <translation>Quay lại nộp giấy tờ còn thiếu</translation>
        </message>
        <message>
            <source>Asked by the supervisor</source>
            <translation>Theo yêu cầu của giám sát</translation>
        </message>
        <message>
            <source>&amp;Reason (supervisors see it):</source>
            <translation>&amp;Lý do (giám sát sẽ thấy):</translation>
        </message>
        <message>
            <source>Type the ticket number.</source>
            <translation>Hãy nhập số thứ tự.</translation>
        </message>
        <message>
            <source>A ticket number is the group letter and digits, e.g. A012.</source>
            <translation>Số thứ tự gồm chữ cái của lĩnh vực và các chữ số, ví dụ A012.</translation>
        </message>
        <message>
            <source>Calling out of order needs a reason.</source>
            <translation>Gọi không theo thứ tự phải có lý do.</translation>
        </message>
    </context>
    <context>
        <name>TicketPrinter</name>
        <message>
            <source>The ticket printer is out of paper or not connected.</source>
            <translation>Máy in phiếu đang hết giấy hoặc chưa được kết nối.</translation>
        </message>
        <message>
            <source>The ticket printer “{name}” is not installed or not connected.</source>
            <translation>Máy in phiếu “{name}” chưa được cài đặt hoặc chưa kết nối.</translation>
        </message>
        <message>
            <source>No ticket printer is connected.</source>
            <translation>Chưa kết nối máy in phiếu.</translation>
        </message>
        <message>
            <source>the queue database is not reachable.</source>
            <translation>không kết nối được cơ sở dữ liệu hàng đợi.</translation>
        </message>
        <message>
            <source>The ticket could not be read: {reason}</source>
            <translation>Không đọc được thông tin vé: {reason}</translation>
        </message>
    </context>
    <context>
        <name>TimelinessTableModel</name>
        <message>
            <source>Department</source>
            <translation>Cơ quan</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Đang giải quyết</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Tạm dừng</translation>
        </message>
        <message>
            <source>Near due</source>
            <translation>Sắp đến hạn</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Quá hạn</translation>
        </message>
        <message>
            <source>No apology</source>
            <translation>Chưa xin lỗi</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Đã giải quyết</translation>
        </message>
        <message>
            <source>Early</source>
            <translation>Trước hạn</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>Đúng hạn</translation>
        </message>
        <message>
            <source>Late</source>
            <translation>Trễ hạn</translation>
        </message>
        <message>
            <source>On time %</source>
            <translation>Tỉ lệ đúng hạn</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Tổng cộng</translation>
        </message>
    </context>
    <context>
        <name>TransferDialog</name>
        <message>
            <source>Transfer the ticket</source>
            <translation>Chuyển số thứ tự</translation>
        </message>
        <message>
            <source>&amp;Transfer</source>
            <translation>&amp;Chuyển</translation>
        </message>
        <message>
            <source>to another service &amp;group</source>
            <translation>sang &amp;lĩnh vực khác</translation>
        </message>
        <message>
            <source>to another &amp;counter</source>
            <translation>sang &amp;quầy khác</translation>
        </message>
        <message>
            <source>what the next officer should know</source>
            <translation>điều cán bộ tiếp theo cần biết</translation>
        </message>
        <message>
            <source>Service g&amp;roup:</source>
            <translation>&amp;Lĩnh vực:</translation>
        </message>
        <message>
            <source>Counter &amp;number:</source>
            <translation>&amp;Số quầy:</translation>
        </message>
        <message>
            <source>&amp;Note:</source>
            <translation>&amp;Ghi chú:</translation>
        </message>
        <message>
            <source>Ticket from group {group}. It keeps its number and goes first at a counter it is sent to.</source>
            <translation>Số thuộc lĩnh vực {group}. Số được giữ nguyên và được ưu tiên gọi trước ở quầy nhận chuyển.</translation>
        </message>
        <message>
            <source>Choose the service group to send the ticket to.</source>
            <translation>Hãy chọn lĩnh vực cần chuyển số đến.</translation>
        </message>
        <message>
            <source>This is your own counter; choose another one.</source>
            <translation>Đây là quầy của bạn; hãy chọn quầy khác.</translation>
        </message>
    </context>
    <context>
        <name>WaitingTableModel</name>
        <message>
            <source>Ticket</source>
            <translation>Số phiếu</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Nhóm</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>Giờ lấy số</translation>
        </message>
        <message>
            <source>Waiting for</source>
            <translation>Đã chờ</translation>
        </message>
        <message>
            <source>For counter</source>
            <translation>Cho quầy</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>Ưu tiên</translation>
        </message>
        <message>
            <source>Counter {n}</source>
            <translation>Quầy {n}</translation>
        </message>
    </context>
    <context>
        <name>WithdrawDialog</name>
        <message>
            <source>Withdraw dossier {code}</source>
            <translation>Rút hồ sơ {code}</translation>
        </message>
        <message>
            <source>&amp;Withdraw</source>
            <translation>&amp;Rút hồ sơ</translation>
        </message>
        <message>
            <source>At the applicant's request only. The dossier is closed (status 7) and cannot be reopened.</source>
            <translation>Chỉ thực hiện khi người nộp hồ sơ có đề nghị. Hồ sơ sẽ được đóng (trạng thái 7) và không thể mở lại.</translation>
        </message>
        <message>
            <source>&amp;Reason the applicant gives:</source>
            <translation>&amp;Lý do người nộp hồ sơ đưa ra:</translation>
        </message>
        <message>
            <source>Write the reason the applicant gives for withdrawing.</source>
            <translation>Hãy ghi lý do người nộp hồ sơ đưa ra khi rút hồ sơ.</translation>
        </message>
    </context>
    <context>
        <name>WorkstationDialog</name>
        <message>
            <source>Workstation settings</source>
            <translation>Cài đặt máy trạm</translation>
        </message>
        <message>
            <source>System default printer</source>
            <translation>Máy in mặc định của hệ thống</translation>
        </message>
        <message>
            <source>{name} (not found now)</source>
            <translation>{name} (hiện không tìm thấy)</translation>
        </message>
        <message>
            <source>Print without asking (no print dialog)</source>
            <translation>In ngay, không hỏi (không hiện hộp thoại in)</translation>
        </message>
        <message>
            <source>empty: print on paper</source>
            <translation>để trống: in ra giấy</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Chọn…</translation>
        </message>
        <message>
            <source>&amp;Counter number:</source>
            <translation>Số &amp;quầy:</translation>
        </message>
        <message>
            <source>&amp;Printer:</source>
            <translation>Máy &amp;in:</translation>
        </message>
        <message>
            <source>Save forms as PDF in:</source>
            <translation>Lưu biểu mẫu dạng PDF vào:</translation>
        </message>
        <message>
            <source>Service groups this counter calls</source>
            <translation>Các lĩnh vực quầy này gọi số</translation>
        </message>
        <message>
            <source>Reading the service groups…</source>
            <translation>Đang đọc danh sách lĩnh vực…</translation>
        </message>
        <message>
            <source>{code} (not an active group now)</source>
            <translation>{code} (hiện không còn hoạt động)</translation>
        </message>
        <message>
            <source>None ticked: this counter calls every group.</source>
            <translation>Không chọn lĩnh vực nào: quầy gọi số của mọi lĩnh vực.</translation>
        </message>
        <message>
            <source>every group</source>
            <translation>mọi lĩnh vực</translation>
        </message>
        <message>
            <source>The service groups cannot be read now; the current choice is kept: {groups}.</source>
            <translation>Hiện không đọc được danh sách lĩnh vực; giữ nguyên lựa chọn hiện tại: {groups}.</translation>
        </message>
        <message>
            <source>Folder for PDF forms</source>
            <translation>Thư mục lưu biểu mẫu PDF</translation>
        </message>
    </context>
</TS>