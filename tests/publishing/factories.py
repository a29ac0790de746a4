import io

from PIL import Image

from vernetzt.publishing import services


def jpeg_with_gps(width=320, height=240) -> bytes:
    """A JPEG that carries EXIF camera data and GPS coordinates."""
    image = Image.new("RGB", (width, height), (200, 60, 60))
    exif = Image.Exif()
    exif[0x010F] = "Beispielkamera"  # Make
    exif[0x0110] = "Modell X"  # Model
    gps = {1: "N", 2: (50.0, 6.0, 30.0), 3: "E", 4: (8.0, 40.0, 10.0)}
    exif[0x8825] = gps
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes(), xmp=b"<x:xmpmeta>Geheimer Ort</x:xmpmeta>")
    return out.getvalue()


def photo_for(event, *, credit="Pola Sell", **fields):
    photos, problems = services.upload_photos(
        event=event, files=[("foto.jpg", jpeg_with_gps())], credit=credit, licence="cc-by-4.0"
    )
    assert problems == []
    photo = photos[0]
    for name, value in fields.items():
        setattr(photo, name, value)
    if fields:
        photo.save()
    return photo
