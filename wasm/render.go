//go:build js

package main

import (
	"syscall/js"

	"heartland/app/views"
)

// render builds n as DOM. Text is set with textContent and attributes
// with setAttribute, so nothing from data is ever parsed as markup.
func (d *dom) render(n views.Node) js.Value {
	switch n.Tag {
	case "":
		return d.doc.Call("createTextNode", n.Text)
	case "svg":
		return d.renderSVG(n)
	}
	e := d.el(n.Tag, n.Class, n.Text)
	for _, a := range n.Attrs {
		e.Call("setAttribute", a.Name, a.Value)
	}
	d.appendAll(e, n.Kids)
	return e
}

// appendAll renders list as the last children of parent.
func (d *dom) appendAll(parent js.Value, list []views.Node) {
	if len(list) == 0 {
		return
	}
	kids := make([]any, len(list))
	for i, k := range list {
		kids[i] = d.render(k)
	}
	parent.Call("append", kids...)
}

// renderSVG builds n and its children in SVG's namespace, where an
// element takes its class as an attribute.
func (d *dom) renderSVG(n views.Node) js.Value {
	e := d.doc.Call("createElementNS", "http://www.w3.org/2000/svg", n.Tag)
	if n.Class != "" {
		e.Call("setAttribute", "class", n.Class)
	}
	if n.Text != "" {
		e.Set("textContent", n.Text)
	}
	for _, a := range n.Attrs {
		e.Call("setAttribute", a.Name, a.Value)
	}
	for _, k := range n.Kids {
		e.Call("append", d.renderSVG(k))
	}
	return e
}

// externalLink is views.ExternalLink as DOM.
func (d *dom) externalLink(text, url string) js.Value { return d.render(views.ExternalLink(text, url)) }
