#pragma once

#include <QDialog>
#include <QPair>
#include <QVector>

namespace citycode::client {

class JsonTableModel;

// The detail of one record: label and value per line, selectable, in a read-only dialog.
class RecordDetailDialog : public QDialog
{
    Q_OBJECT

public:
    RecordDetailDialog(const QString& title, const QVector<QPair<QString, QString>>& rows, QWidget* parent = nullptr);
};

} // namespace citycode::client
