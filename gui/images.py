"""Images for the screen: decoding, EXIF orientation, crops, effective resolution.

Phone photos are stored as taken (rotated by an EXIF tag, not in their pixels). The layout's
crops are fractions of the *upright* picture, so everything here turns images upright first,
exactly as the PDF exporter does, or a crop chosen on screen would land elsewhere in print.
Decoded pictures are cached, scaled down, by content-hash name: the same photo is drawn by the
preview, the form thumbnail and the crop dialog.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from model.document import Crop
from model.images import upright_size as upright_size_of

PORTRAIT_ASPECT = 3 / 4  # width / height of a newspaper head-and-shoulders portrait
_CACHE_MAX = 48
_CACHE_MAX_BYTES = 96 * 1024 * 1024  # 48 photos of 1600 px would be ≈ 480 MB; bound the bytes too
_cache: OrderedDict[tuple[str, int], QImage] = OrderedDict()


_sizes: OrderedDict[tuple[int, int], tuple[int, int]] = OrderedDict()


def upright_size(data: bytes) -> tuple[int, int]:
    """Pixel size of the image as it should be seen (EXIF orientations 5–8 swap the sides).

    Cached by content (the portrait form asks on every edit, and finding a PNG's EXIF means
    decoding the whole image)."""
    key = (len(data), hash(data))
    size = _sizes.get(key)
    if size is None:
        size = _sizes[key] = upright_size_of(data)
        if len(_sizes) > _CACHE_MAX:
            _sizes.popitem(last=False)
    return size


def decode_upright(data: bytes, max_side: int = 0) -> QImage:
    """Decode with Qt, applying the EXIF orientation; optionally scaled so no side exceeds max_side."""
    buf = QBuffer()
    buf.setData(QByteArray(data))
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buf)
    reader.setAutoTransform(True)
    stored = reader.size()  # before the EXIF rotation; scaling by the longer side is rotation-proof
    if max_side and stored.isValid() and max(stored.width(), stored.height()) > max_side:
        f = max_side / max(stored.width(), stored.height())
        # JPEG decodes straight to the smaller size: a 12-megapixel phone photo in a few ms.
        reader.setScaledSize(QSize(max(1, round(stored.width() * f)), max(1, round(stored.height() * f))))
    image = reader.read()
    if image.isNull():
        return image
    if max_side and max(image.width(), image.height()) > max_side:
        image = image.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image


def cached_upright(name: str, fetch, max_side: int = 1600) -> QImage:
    """``decode_upright`` cached per image name and size; ``fetch()`` gives the bytes."""
    key = (name, max_side)
    image = _cache.get(key)
    if image is not None:
        _cache.move_to_end(key)
        return image
    image = decode_upright(fetch(), max_side)
    _cache[key] = image
    while len(_cache) > 1 and (len(_cache) > _CACHE_MAX or sum(i.sizeInBytes() for i in _cache.values())
                               > _CACHE_MAX_BYTES):
        _cache.popitem(last=False)
    return image


def default_crop(width: int, height: int, aspect: float = PORTRAIT_ASPECT) -> Crop:
    """The largest ``aspect`` crop, centred across and nearer the top (where heads are)."""
    return Crop.framing(width, height, aspect)


def crop_pixels(crop: Crop, size: tuple[int, int]) -> tuple[int, int]:
    return round(crop.w * size[0]), round(crop.h * size[1])


def effective_ppi(crop: Crop, size: tuple[int, int], print_width_pt: float) -> float:
    """Pixels per inch of the visible part when printed ``print_width_pt`` wide."""
    if print_width_pt <= 0:
        return 0.0
    return crop.w * size[0] / (print_width_pt / 72.0)
