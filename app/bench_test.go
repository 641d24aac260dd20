package app

import "testing"

// BenchmarkClick is a press and release on a country: the gesture, the hit
// test through Scene, the selection, the page calls and the URL, as the
// pointer callbacks run them.
func BenchmarkClick(b *testing.B) {
	m, page, _, _ := testMap()
	kx, ky := screen(m, 66, 48)
	ux, uy := screen(m, 63.5, 39.5)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		x, y := kx, ky
		if i%2 == 1 {
			x, y = ux, uy
		}
		click(m, x, y)
		page.calls = page.calls[:0]
	}
}

// BenchmarkDragMove is one pointer move of a drag: the pan and the
// compositor transform.
func BenchmarkDragMove(b *testing.B) {
	m, page, _, _ := testMap()
	m.PointerDown(Pointer{ID: 1, X: 600, Y: 400})
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m.PointerMove(Pointer{ID: 1, X: 600 + float64(i%2)*10, Y: 400})
		page.calls = page.calls[:0]
	}
}
