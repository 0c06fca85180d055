// Package nlu reads French order messages from customers and order replies
// from merchants, as typed on basic phones: "2 kg de tomates et une douzaine
// d'oeufs stp", "ok 42", "non 42 plus de fraises".
//
// The parsers do no I/O and return data only. Every outcome that is not
// certain (a typo, several matching products, a unit that does not convert,
// a merchant reply without a single reference) is returned as its own
// status, so the caller asks a question instead of guessing. The caller
// renders all replies.
//
// Both parsers read at most MaxInputBytes of a message.
package nlu
