package assets

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"

	"heartland/geo"
)

// PreparedSceneFile is the bundle's prepared scene (geo.PreparedScene):
// what the browser would otherwise compute from the layers at start-up,
// written by `heartland build`. Programs have none and compute it.
const PreparedSceneFile = "prepared/scene.bin"

// bundleBytes is the bundle UseBundle was given, kept so that stored files
// can be read in place.
var bundleBytes []byte

// PreparedScene returns the bundle's prepared scene, read in place from
// the bundle's bytes, or an error that wraps fs.ErrNotExist when there is
// none (programs, or a bundle from an older build).
func PreparedScene() (*geo.PreparedScene, error) {
	raw, err := storedFile(PreparedSceneFile)
	if err != nil {
		return nil, err
	}
	ps, err := geo.DecodePreparedScene(raw)
	if err != nil {
		return nil, fmt.Errorf("the data bundle's %s: %w (rebuild the site with make dist)", PreparedSceneFile, err)
	}
	return ps, nil
}

// storedFile returns a file of the bundle as a slice of the bundle itself
// when it is stored uncompressed, as Bundle stores every file, and a copy
// otherwise.
func storedFile(name string) ([]byte, error) {
	zr, ok := files.(*zip.Reader)
	if !ok {
		return fs.ReadFile(files, name)
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		off, err := f.DataOffset()
		if err != nil || f.Method != zip.Store || off < 0 || f.UncompressedSize64 > uint64(len(bundleBytes)) ||
			uint64(off) > uint64(len(bundleBytes))-f.UncompressedSize64 {
			return fs.ReadFile(files, name)
		}
		return bundleBytes[off : off+int64(f.UncompressedSize64) : off+int64(f.UncompressedSize64)], nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// alignedHeader returns a header for a stored file that pads the zip's
// local header so the file's data starts 8-byte aligned, as zipalign does
// for Android packages: then arrays in it can be viewed in place.
// offset is where the local header will start.
func alignedHeader(name string, offset int) *zip.FileHeader {
	const localHeaderLen, extraHeaderLen = 30, 4
	pad := (8 - (offset+localHeaderLen+len(name)+extraHeaderLen)%8) % 8
	extra := binary.LittleEndian.AppendUint16(nil, 0xD935) // zipalign's padding field
	extra = binary.LittleEndian.AppendUint16(extra, uint16(pad))
	extra = append(extra, make([]byte, pad)...)
	return &zip.FileHeader{Name: name, Method: zip.Store, Extra: extra}
}

// errUnaligned is returned by a bundle whose stored file is not aligned.
var errUnaligned = errors.New("not 8-byte aligned")

// checkAligned reports whether every stored file of a bundle starts on an
// 8-byte boundary.
func checkAligned(b []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return err
	}
	for _, f := range zr.File {
		off, err := f.DataOffset()
		if err != nil {
			return err
		}
		if off%8 != 0 {
			return fmt.Errorf("%s at %d: %w", f.Name, off, errUnaligned)
		}
	}
	return nil
}
