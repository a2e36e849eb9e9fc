#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>
#include <QVector>

class QProgressDialog;
class QWidget;

namespace citycode::client {

class ApiClient;
class JsonTableModel;

// Exports every record of a list under its current filter and sort: fetches the pages one after
// another (never blocking the UI), shows the progress with a cancel button, then writes CSV
// (UTF-8 with BOM, RFC 4180) or XLSX (libxlsxwriter) with the model's columns and display text.
class ListExporter : public QObject
{
    Q_OBJECT

public:
    enum class Format
    {
        Csv,
        Xlsx,
    };

    ListExporter(ApiClient* api, const QString& path, const QUrlQuery& query, const JsonTableModel* model,
                 QWidget* parent);

    // Starts fetching; the object deletes itself when done, failed or cancelled.
    void start(const QString& fileName, Format format);

    // Writes `records` as the table of `model`; returns false and fills `error` on failure.
    static bool writeCsv(const QString& fileName, const JsonTableModel& model, const QVector<QJsonObject>& records,
                         QString* error);
    static bool writeXlsx(const QString& fileName, const JsonTableModel& model, const QVector<QJsonObject>& records,
                          QString* error);

signals:
    // ok false with a message when the export failed or was cancelled (empty message).
    void finished(bool ok, const QString& message);

private:
    void fetch(int page);
    void finish(bool ok, const QString& message);

    ApiClient* m_api;
    QString m_path;
    QUrlQuery m_query;
    const JsonTableModel* m_model;
    QWidget* m_parentWidget;
    QPointer<QProgressDialog> m_progress;
    QString m_fileName;
    Format m_format = Format::Csv;
    QVector<QJsonObject> m_records;
    bool m_cancelled = false;
};

} // namespace citycode::client
