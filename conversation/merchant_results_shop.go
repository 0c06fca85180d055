package conversation

// productSaved confirms AJOUT, PRIX, STOCK or RUPTURE in one line.
func (m *machine) productSaved(r ProductSaved) {
	p, before := r.Product, r.Before
	price := UnitPrice{p.PriceCents, p.Unit}
	stock := Amount{p.Stock, p.Unit}
	switch {
	case before.ID == 0:
		m.say(T("ProductAdded", "Name", p.Name, "Price", price, "Amount", stock, "N", r.Number))
	case p.PriceCents != before.PriceCents:
		m.say(T("PriceSet", "Name", p.Name, "Price", price))
	case !p.InStock():
		m.say(T("StockOut", "Name", p.Name))
	case !before.InStock():
		m.say(T("Restocked", "Name", p.Name, "Amount", stock))
	default:
		m.say(T("StockSet", "Name", p.Name, "Amount", stock))
	}
}

// settingSaved confirms FERME, OUVERT, EQUIPE, NOTIFS or RESUME.
func (m *machine) settingSaved(e Effect) {
	shopName := m.shop().Name
	switch e := e.(type) {
	case SetClosed:
		if !e.Closed {
			m.say(T("ShopOpened", "Shop", shopName))
			return
		}
		until := ""
		if e.Until != nil {
			until = dayLabel(*e.Until)
		}
		m.say(T("ShopClosedSet", "Shop", shopName, "Until", until))
	case AddStaff:
		m.say(T("StaffAdded", "Phone", displayPhone(e.Phone), "Shop", shopName))
		m.reply(Reply{To: &Recipient{Channel: "sms", Address: e.Phone, Locale: French},
			Lines: []Text{T("StaffWelcome", "Shop", shopName)}})
	case SetNotifyPhone:
		m.say(T("NotifyChanged", "Phone", displayPhone(e.Phone)))
	case SetSummaryTime:
		if e.Minute == nil {
			m.say(T("SummaryStopped"))
			return
		}
		m.say(T("SummarySet", "Time", clockLabel(*e.Minute)))
	}
}

// onLinkResult handles the steps of a Telegram chat's link to a merchant.
func (m *machine) onLinkResult(r Result) {
	switch r := r.(type) {
	case LinkCodeSent:
		m.state.Stage = LinkCode
		minutes := int(r.Expires.Minutes())
		m.say(T("LinkCodeSent", "Phone", maskedPhone(r.Phone), "Minutes", minutes))
		m.reply(Reply{To: &Recipient{Channel: "sms", Address: r.Phone, Locale: French},
			Lines: []Text{T("LinkCodeSMS", "Code", r.Code, "Shop", r.Shop, "Minutes", minutes)}})
	case LinkPhoneUnknown:
		m.state.Stage = Start
		m.say(T("LinkPhoneUnknown", "Phone", maskedPhone(r.Phone)))
	case TelegramLinked:
		m.state.Stage = Start
		m.say(T("TelegramLinked", "Shop", r.Merchant.Name))
	case LinkCodeWrong:
		m.say(T("LinkCodeWrong", "Tries", r.Left))
	case LinkCodeExpired:
		m.state.Stage = Start
		m.say(T("LinkCodeExpired"))
	}
}
