package views

// Node is an HTML element to build: its tag, class and text, then its
// attributes, then its children after the text. Text is set as text, never
// parsed as markup, and attribute values are set as they are. A Node
// without a tag is a text node (TextNode); an "svg" and its children are
// built in SVG's namespace.
type Node struct {
	Tag, Class, Text string
	Attrs            []Attr
	Kids             []Node
}

// TextNode is text between elements: a Node without a tag, whose Text is
// set as text.
func TextNode(text string) Node { return Node{Text: text} }

// Attr is an attribute's name and value.
type Attr struct{ Name, Value string }

// El is an element with a class and text (either may be empty) and
// children.
func El(tag, class, text string, kids ...Node) Node {
	return Node{Tag: tag, Class: class, Text: text, Kids: kids}
}

// With returns n with one more attribute.
func (n Node) With(name, value string) Node {
	n.Attrs = append(n.Attrs[:len(n.Attrs):len(n.Attrs)], Attr{name, value})
	return n
}

// Attr returns the value of n's attribute name, "" when it has none.
func (n Node) Attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name == name {
			return a.Value
		}
	}
	return ""
}

// TextContent is all the text in n and its children, in document order,
// as the DOM's textContent reads it.
func (n Node) TextContent() string {
	s := n.Text
	for _, k := range n.Kids {
		s += k.TextContent()
	}
	return s
}
