#include "widgets/ListExporter.h"

#include "api/ApiClient.h"
#include "models/JsonTableModel.h"

#include <QFile>
#include <QJsonArray>
#include <QProgressDialog>
#include <QSaveFile>

#include <xlsxwriter.h>

namespace citycode::client {

namespace {

constexpr int ExportPageSize = 100; // the server's largest page (ListQuery::kMaxPageSize)
constexpr double XlsxColumnWidth = 18;

QByteArray csvField(const QString& text)
{
    QByteArray field = text.toUtf8();
    // A leading = + - @ would make a spreadsheet evaluate the cell (CSV injection).
    if (!field.isEmpty() && QByteArray("=+-@").contains(field.at(0))) {
        field.prepend('\'');
    }
    if (field.contains(',') || field.contains('"') || field.contains('\n') || field.contains('\r')) {
        field.replace("\"", "\"\"");
        field = '"' + field + '"';
    }
    return field;
}

} // namespace

ListExporter::ListExporter(ApiClient* api, const QString& path, const QUrlQuery& query, const JsonTableModel* model,
                           QWidget* parent)
    : QObject(parent), m_api(api), m_path(path), m_query(query), m_model(model), m_parentWidget(parent)
{
}

void ListExporter::start(const QString& fileName, Format format)
{
    m_fileName = fileName;
    m_format = format;
    m_progress = new QProgressDialog(tr("Fetching the records…"), tr("Cancel"), 0, 0, m_parentWidget);
    m_progress->setObjectName(QStringLiteral("exportProgressDialog"));
    m_progress->setWindowTitle(tr("Export"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(0);
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_progress, &QProgressDialog::canceled, this, [this]() { m_cancelled = true; });
    m_progress->show();
    fetch(1);
}

void ListExporter::fetch(int page)
{
    QUrlQuery query = m_query;
    query.removeAllQueryItems(QStringLiteral("page"));
    query.removeAllQueryItems(QStringLiteral("pageSize"));
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    query.addQueryItem(QStringLiteral("pageSize"), QString::number(ExportPageSize));
    m_api->get(m_path, query, this, [this, page](const ApiReply& reply) {
        if (m_cancelled) {
            finish(false, {});
            return;
        }
        if (reply.error.isError()) {
            finish(false, reply.error.toString());
            return;
        }
        const QJsonArray items = reply.json.value(QLatin1String("items")).toArray();
        for (const QJsonValue& item : items) {
            m_records.append(item.toObject());
        }
        const qint64 total = reply.json.value(QLatin1String("total")).toInteger();
        if (m_progress) {
            m_progress->setMaximum(static_cast<int>(qMin<qint64>(total, INT_MAX)));
            m_progress->setValue(static_cast<int>(m_records.size()));
            m_progress->setLabelText(
                tr("Fetched %1 of %n record(s)…", nullptr, static_cast<int>(total)).arg(m_records.size()));
        }
        if (!items.isEmpty() && m_records.size() < total) {
            fetch(page + 1);
            return;
        }
        QString error;
        const bool written = m_format == Format::Csv ? writeCsv(m_fileName, *m_model, m_records, &error)
                                                     : writeXlsx(m_fileName, *m_model, m_records, &error);
        if (!written) {
            finish(false, error);
            return;
        }
        finish(true, tr("Exported %n record(s) to %1", nullptr, static_cast<int>(m_records.size())).arg(m_fileName));
    });
}

void ListExporter::finish(bool ok, const QString& message)
{
    if (m_progress) {
        m_progress->close();
    }
    emit finished(ok, message);
    deleteLater();
}

bool ListExporter::writeCsv(const QString& fileName, const JsonTableModel& model, const QVector<QJsonObject>& records,
                            QString* error)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    // The byte order mark makes spreadsheet programs read the file as UTF-8 (Chinese text).
    QByteArray text = "\xEF\xBB\xBF";
    const int columns = model.columnCount();
    for (int column = 0; column < columns; ++column) {
        text += (column > 0 ? "," : "") + csvField(model.columnTitle(column));
    }
    text += "\r\n";
    for (const QJsonObject& record : records) {
        for (int column = 0; column < columns; ++column) {
            text += (column > 0 ? "," : "") + csvField(model.displayText(record, column));
        }
        text += "\r\n";
    }
    file.write(text);
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}

bool ListExporter::writeXlsx(const QString& fileName, const JsonTableModel& model, const QVector<QJsonObject>& records,
                             QString* error)
{
    const QByteArray path = QFile::encodeName(fileName);
    lxw_workbook* workbook = workbook_new(path.constData());
    if (workbook == nullptr) {
        *error = tr("Cannot write %1").arg(fileName);
        return false;
    }
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    const int columns = model.columnCount();
    for (int column = 0; column < columns; ++column) {
        const auto col = static_cast<lxw_col_t>(column);
        worksheet_set_column(sheet, col, col, XlsxColumnWidth, nullptr);
        worksheet_write_string(sheet, 0, col, model.columnTitle(column).toUtf8().constData(), bold);
    }
    lxw_row_t row = 1;
    for (const QJsonObject& record : records) {
        for (int column = 0; column < columns; ++column) {
            const auto col = static_cast<lxw_col_t>(column);
            const QJsonValue raw = record.value(model.fieldOf(column));
            const QString shown = model.displayText(record, column);
            if (raw.isDouble() && shown == QString::number(raw.toInteger())) {
                worksheet_write_number(sheet, row, col, raw.toDouble(), nullptr);
            } else {
                worksheet_write_string(sheet, row, col, shown.toUtf8().constData(), nullptr);
            }
        }
        ++row;
    }
    const lxw_error result = workbook_close(workbook);
    if (result != LXW_NO_ERROR) {
        *error = tr("Cannot write %1: %2").arg(fileName, QString::fromUtf8(lxw_strerror(result)));
        return false;
    }
    return true;
}

} // namespace citycode::client
