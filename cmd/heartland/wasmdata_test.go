package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// wasmModule writes a module of the given sections (id, body).
func wasmModule(sections ...[]byte) []byte {
	b := []byte("\x00asm\x01\x00\x00\x00")
	for _, s := range sections {
		b = appendSection(b, s[0], s[1:])
	}
	return b
}

func section(id byte, body []byte) []byte { return append([]byte{id}, body...) }

// memoryImage is what a module's data segments write, byte by byte.
func memoryImage(t *testing.T, wasm []byte) map[uint32]byte {
	t.Helper()
	mem := map[uint32]byte{}
	for _, s := range dataSegmentsOf(t, wasm) {
		for i, c := range s.data {
			mem[s.offset+uint32(i)] = c
		}
	}
	for addr, c := range mem {
		if c == 0 {
			delete(mem, addr) // memory starts zeroed: writing a zero changes nothing
		}
	}
	return mem
}

func dataSegmentsOf(t *testing.T, wasm []byte) []dataSegment {
	t.Helper()
	for off := 8; off < len(wasm); {
		id := wasm[off]
		size, n := uvarint(wasm[off+1:])
		body := wasm[off+1+n : off+1+n+size]
		if id == 11 {
			segs, err := readDataSegments(body)
			if err != nil {
				t.Fatal(err)
			}
			return segs
		}
		off += 1 + n + size
	}
	return nil
}

func uvarint(b []byte) (int, int) {
	v, n := 0, 0
	for shift := 0; ; shift += 7 {
		c := b[n]
		n++
		v |= int(c&0x7f) << shift
		if c < 0x80 {
			return v, n
		}
	}
}

func TestJoinDataSegmentsJoinsNearSegmentsAndKeepsTheRest(t *testing.T) {
	custom := section(0, []byte("\x04nameanything"))
	code := section(10, []byte{1, 2, 0, 0x0b})
	data := section(11, appendDataSegments(nil, []dataSegment{
		{100, []byte("abc")}, {0, []byte("xy")}, {103, []byte("d")}, {300000, []byte("far")},
	}))
	in := wasmModule(custom, code, data)
	out, err := joinDataSegments(in)
	if err != nil {
		t.Fatal(err)
	}
	want := []dataSegment{{0, append(append([]byte("xy"), make([]byte, 98)...), "abcd"...)}, {300000, []byte("far")}}
	got := dataSegmentsOf(t, out)
	if len(got) != len(want) {
		t.Fatalf("joined segments = %v; want %v", got, want)
	}
	for i := range want {
		if got[i].offset != want[i].offset || !bytes.Equal(got[i].data, want[i].data) {
			t.Errorf("segment %d = %d %q; want %d %q", i, got[i].offset, got[i].data, want[i].offset, want[i].data)
		}
	}
	if !bytes.Equal(out[:8+len(custom)+1+len(code)+1], in[:8+len(custom)+1+len(code)+1]) {
		t.Error("the sections before the data section changed")
	}
}

func TestJoinDataSegmentsKeepsOverlappingSegmentsInOrder(t *testing.T) {
	segs := []dataSegment{{10, []byte("abcd")}, {12, []byte("XY")}}
	in := wasmModule(section(11, appendDataSegments(nil, segs)))
	out, err := joinDataSegments(in)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, in) {
		t.Errorf("joinDataSegments changed overlapping segments, whose order decides the memory")
	}
}

func TestJoinDataSegmentsRejectsWhatGoDoesNotWrite(t *testing.T) {
	passive := append([]byte{1, 1}, 2, 'h', 'i') // one passive segment
	for name, wasm := range map[string][]byte{
		"not wasm":        []byte("\x7fELF\x02\x01\x01\x00"),
		"truncated":       wasmModule(section(11, []byte{1, 0}))[:11],
		"passive segment": wasmModule(section(11, passive)),
		"data count":      wasmModule(section(12, []byte{1})),
		"negative offset": wasmModule(section(11, []byte{1, 0, 0x41, 0x7f, 0x0b, 0})),
	} {
		if _, err := joinDataSegments(wasm); err == nil {
			t.Errorf("joinDataSegments(%s) = nil error; want one", name)
		}
	}
}

func TestSLEB128RoundTrips(t *testing.T) {
	for _, v := range []int64{0, 1, 63, 64, -1, -64, -65, 127, 128, 123363, 1<<31 - 1, -1 << 31} {
		b := appendSLEB128(nil, v)
		if got, n := readSLEB128(b); got != v || n != len(b) {
			t.Errorf("readSLEB128(appendSLEB128(%d) = % x) = %d, %d; want %d, %d", v, b, got, n, v, len(b))
		}
	}
}

// TestJoinDataSegmentsOnAGoWasm checks the layout assumptions on what Go's
// linker writes today: the memory image stays, the segments become few.
func TestJoinDataSegmentsOnAGoWasm(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a wasm")
	}
	dir := t.TempDir()
	src := "package main\n\nimport \"fmt\"\n\nvar table = map[string]int{\"a\": 1, \"b\": 2}\n\nfunc main() { fmt.Println(\"hello\", table) }\n"
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	wasmFile := filepath.Join(dir, "hello.wasm")
	cmd := exec.Command("go", "build", "-o", wasmFile, "main.go")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GO111MODULE=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	in, err := os.ReadFile(wasmFile)
	if err != nil {
		t.Fatal(err)
	}
	out, err := joinDataSegments(in)
	if err != nil {
		t.Fatal(err)
	}
	before, after := dataSegmentsOf(t, in), dataSegmentsOf(t, out)
	if len(after) >= len(before)/10 {
		t.Errorf("segments: %d → %d; want a tenth or fewer", len(before), len(after))
	}
	mb, ma := memoryImage(t, in), memoryImage(t, out)
	if len(mb) != len(ma) {
		t.Fatalf("memory image: %d non-zero bytes before, %d after", len(mb), len(ma))
	}
	for addr, c := range mb {
		if ma[addr] != c {
			t.Fatalf("memory[%d] = %d after; want %d", addr, ma[addr], c)
		}
	}
	// And it still runs, where Node is installed.
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node to run the joined wasm")
	}
	joined := filepath.Join(dir, "joined.wasm")
	if err := os.WriteFile(joined, out, 0o644); err != nil {
		t.Fatal(err)
	}
	run := exec.Command(node, filepath.Join(goRoot(), "lib", "wasm", "wasm_exec_node.js"), joined)
	got, err := run.CombinedOutput()
	if err != nil || string(got) != "hello map[a:1 b:2]\n" {
		t.Errorf("the joined wasm printed %q (%v); want %q", got, err, "hello map[a:1 b:2]\n")
	}
}
