package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// module is what wasmsize reads from a wasm binary: the function bodies
// of the code section, the data segments' bytes, and the function names.
type module struct {
	imported int      // imported functions, which come first in the function index space
	bodies   [][]byte // code section, by defined function
	data     []byte   // every data segment, concatenated
	names    map[int]string
}

// parseModule reads the sections wasmsize needs, as laid out in the
// WebAssembly core specification (binary format, sections 5.5).
func parseModule(b []byte) (*module, error) {
	if len(b) < 8 || !bytes.Equal(b[:4], []byte("\x00asm")) {
		return nil, errors.New("not a wasm binary")
	}
	m := &module{names: map[int]string{}}
	r := &reader{b: b, off: 8}
	for r.off < len(r.b) {
		id := r.byte()
		n := r.uint()
		sec := &reader{b: r.bytes(n)}
		if r.err != nil {
			break
		}
		switch id {
		case 0:
			if sec.name() == "name" {
				m.readNames(sec)
			}
		case 2:
			m.readImports(sec)
		case 10:
			for range sec.uint() {
				m.bodies = append(m.bodies, sec.bytes(sec.uint()))
			}
		case 11:
			m.readData(sec)
		}
		if sec.err != nil {
			return nil, fmt.Errorf("section %d: %w", id, sec.err)
		}
	}
	return m, r.err
}

func (m *module) readImports(r *reader) {
	for range r.uint() {
		r.name() // module
		r.name() // field
		switch kind := r.byte(); kind {
		case 0: // function: type index
			r.uint()
			m.imported++
		case 1: // table: element type, limits
			r.byte()
			r.limits()
		case 2: // memory
			r.limits()
		case 3: // global: type, mutability
			r.byte()
			r.byte()
		default:
			r.err = fmt.Errorf("import kind %d", kind)
			return
		}
	}
}

// readData keeps the segments' bytes; Go's linker writes active segments
// of memory 0 with an i32.const offset.
func (m *module) readData(r *reader) {
	for range r.uint() {
		if flags := r.uint(); flags != 0 {
			r.err = fmt.Errorf("data segment flags %d", flags)
			return
		}
		// The offset expression: i32.const (0x41) and its LEB128 number,
		// then "end" (0x0b). The number is read as a number: a byte 0x0b
		// inside it is not the end.
		if op := r.byte(); op != 0x41 {
			r.err = fmt.Errorf("data segment offset opcode %#x", op)
			return
		}
		r.uint()
		if end := r.byte(); end != 0x0b {
			r.err = fmt.Errorf("data segment offset not ended (%#x)", end)
			return
		}
		m.data = append(m.data, r.bytes(r.uint())...)
	}
}

// readNames reads the function names subsection (id 1) of the name section.
func (m *module) readNames(r *reader) {
	for r.err == nil && r.off < len(r.b) {
		id := r.byte()
		sub := &reader{b: r.bytes(r.uint())}
		if id != 1 {
			continue
		}
		for range sub.uint() {
			idx := sub.uint()
			m.names[idx] = sub.name()
		}
		r.err = sub.err
	}
}

// reader reads LEB128 numbers and byte runs, keeping the first error.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) byte() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.fail()
		return 0
	}
	r.off++
	return r.b[r.off-1]
}

func (r *reader) uint() int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
		r.fail()
		return 0
	}
	r.off += n
	return int(v)
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b)-r.off {
		r.fail()
		return nil
	}
	r.off += n
	return r.b[r.off-n : r.off]
}

func (r *reader) name() string { return string(r.bytes(r.uint())) }

func (r *reader) limits() {
	if r.byte() == 1 {
		r.uint()
	}
	r.uint()
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errors.New("truncated")
	}
}
