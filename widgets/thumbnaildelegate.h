#pragma once
// The micrograph list's items: the thumbnail above the file name, the name on one line elided in the
// middle, so that mic_negstain_07jan05b_512.mrc and its mic_negstain_07jan05b_512_x2.mrc read apart in
// a narrow dock (the full path is the item's tooltip). The list lays its items out again on resize
// (QListView::Adjust) and never scrolls sideways.

#include <QStyledItemDelegate>

class ThumbnailDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    /// No wider than the list's viewport, so that the name is elided rather than scrolled.
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};
