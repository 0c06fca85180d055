package conversation

import (
	"strings"
	"time"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/order"
)

// Notices are the messages that no inbound message causes: the
// scheduler's reminders, expiries and daily summaries, and the operator's
// decision on a sign-up. Each returns replies with their recipient set.

// ReminderNotice reminds the merchant of a pending order that expires at
// expiresAt.
func ReminderNotice(o order.Order, expiresAt time.Time) Reply {
	return Reply{To: merchantRecipient(o), OrderID: o.ID, Lines: []Text{T("OrderReminder", "Ref", o.Ref,
		"Total", Money(o.TotalCents), "Time", clockLabel(minuteOfDay(expiresAt)))}}
}

// ExpiredNotices inform the customer and the merchant that the order
// expired. was is the status it had: pending (no reply from the merchant)
// or proposed (no reply from the customer).
func ExpiredNotices(o order.Order, was order.Status) []Reply {
	data := []any{"Ref", o.Ref, "Shop", o.MerchantName, "Proposed", was == order.Proposed}
	customer := &Recipient{Channel: o.Customer.Channel, Address: o.Customer.Address, Locale: o.Customer.Locale}
	return []Reply{
		{To: customer, OrderID: o.ID, Lines: []Text{T("CustomerExpired", data...)}},
		{To: merchantRecipient(o), OrderID: o.ID, Lines: []Text{T("MerchantExpired", data...)}},
	}
}

// maxOutOfStockListed bounds the product names a summary lists, so that
// it stays within one SMS segment.
const maxOutOfStockListed = 3

// SummaryNotice is the merchant's daily summary of day, sent to phone.
func SummaryNotice(phone string, day time.Time, s order.DaySummary, outOfStock []string) Reply {
	names := outOfStock
	if len(names) > maxOutOfStockListed {
		names = names[:maxOutOfStockListed]
	}
	return Reply{To: &Recipient{Channel: "sms", Address: phone, Locale: French}, Lines: []Text{
		T("DailySummary", "Day", dayLabel(day), "Orders", s.Orders, "Served", s.Served,
			"Revenue", Money(s.RevenueCents), "OutOfStock", strings.Join(names, ", "),
			"More", len(outOfStock)-len(names)),
	}}
}

// ApprovedNotice informs the merchant that its sign-up is approved.
func ApprovedNotice(m catalog.Merchant) Reply {
	return Reply{To: &Recipient{Channel: "sms", Address: m.Phone, Locale: French},
		Lines: []Text{T("SignupApproved", "Shop", m.Name)}}
}

// RejectedNotice informs the merchant that its sign-up is rejected, and why.
func RejectedNotice(m catalog.Merchant, reason string) Reply {
	return Reply{To: &Recipient{Channel: "sms", Address: m.Phone, Locale: French},
		Lines: []Text{T("SignupRejected", "Shop", m.Name, "Reason", reason)}}
}

// minuteOfDay returns the minutes after midnight of t in Europe/Paris.
func minuteOfDay(t time.Time) int {
	local := t.In(Paris)
	return local.Hour()*60 + local.Minute()
}
