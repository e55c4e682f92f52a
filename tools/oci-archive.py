#!/usr/bin/env python3
"""Turns a docker-archive (`podman save --format docker-archive`) into one tar
that both `docker load` and `podman load` read: an OCI image layout
(oci-layout, index.json, blobs/sha256/...) that also carries Docker's
manifest.json, pointing at the same blobs, as `docker save` writes it since
Docker 25. Docker engines before 25 read manifest.json only; podman, skopeo
and containerd read index.json.

The image config is kept byte for byte (so the image id does not change, and
Docker's HEALTHCHECK survives: converting it to an OCI config would drop it).
Layers are gzip-compressed; their uncompressed digests are checked against
the config's diff_ids.

    tools/oci-archive.py DOCKER_ARCHIVE OUTPUT NAME:TAG

Exit status: 0 written, 64 usage, 66 the input is not a docker-archive,
73 the output cannot be written.
"""
import gzip
import hashlib
import io
import json
import os
import shutil
import sys
import tarfile
import tempfile


class HashingWriter(io.RawIOBase):
    """A file wrapper that hashes and counts what goes through it."""

    def __init__(self, out):
        self.out, self.sha, self.size = out, hashlib.sha256(), 0

    def writable(self):
        return True

    def write(self, data):
        self.out.write(data)
        self.sha.update(data)
        self.size += len(data)
        return len(data)


def fail(status, message):
    print(f"oci-archive: {message}", file=sys.stderr)
    sys.exit(status)


def descriptor(media_type, digest, size, annotations=None):
    entry = {"mediaType": media_type, "digest": f"sha256:{digest}", "size": size}
    if annotations:
        entry["annotations"] = annotations
    return entry


def main(argv):
    if len(argv) != 4 or ":" not in argv[3]:
        fail(64, "usage: tools/oci-archive.py DOCKER_ARCHIVE OUTPUT NAME:TAG")
    source, output, name = argv[1], argv[2], argv[3]
    repository, tag = name.rsplit(":", 1)
    try:
        archive = tarfile.open(source)
        manifest = json.load(archive.extractfile("manifest.json"))
        if len(manifest) != 1 or len(manifest[0].get("Layers", [])) == 0:
            fail(66, f"{source} must hold exactly one image with layers, it holds {len(manifest)}")
        config_bytes = archive.extractfile(manifest[0]["Config"]).read()
        config = json.loads(config_bytes)
        diff_ids = config["rootfs"]["diff_ids"]
    except (OSError, KeyError, ValueError, tarfile.TarError) as error:
        fail(66, f"{source} is not a readable docker-archive ({error}); make it with podman save --format docker-archive")

    out_dir = os.path.dirname(os.path.abspath(output))
    try:
        work = tempfile.mkdtemp(prefix=".oci-archive.", dir=out_dir)
    except OSError as error:
        fail(73, f"cannot write in {out_dir}: {error.strerror}")
    try:
        blobs = {}  # digest -> file path

        def add_blob(data):
            digest = hashlib.sha256(data).hexdigest()
            path = os.path.join(work, digest)
            with open(path, "wb") as f:
                f.write(data)
            blobs[digest] = path
            return digest, len(data)

        config_digest, config_size = add_blob(config_bytes)
        layers = []
        for index, member in enumerate(manifest[0]["Layers"]):
            raw = archive.extractfile(member)
            partial = os.path.join(work, f"layer-{index}")
            plain_sha = hashlib.sha256()
            with open(partial, "wb") as f:
                hashing = HashingWriter(f)
                with gzip.GzipFile(fileobj=hashing, mode="wb", compresslevel=6, mtime=0) as zipped:
                    while chunk := raw.read(1 << 20):
                        plain_sha.update(chunk)
                        zipped.write(chunk)
            if index >= len(diff_ids) or f"sha256:{plain_sha.hexdigest()}" != diff_ids[index]:
                fail(66, f"{source}: layer {member} does not match the config's diff_ids")
            digest = hashing.sha.hexdigest()
            os.rename(partial, os.path.join(work, digest))
            blobs[digest] = os.path.join(work, digest)
            layers.append(descriptor("application/vnd.oci.image.layer.v1.tar+gzip", digest, hashing.size))

        oci_manifest = {
            "schemaVersion": 2,
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": descriptor("application/vnd.oci.image.config.v1+json", config_digest, config_size),
            "layers": layers,
        }
        manifest_digest, manifest_size = add_blob(json.dumps(oci_manifest, separators=(",", ":")).encode())
        qualified = repository if "/" in repository else f"docker.io/library/{repository}"
        index_json = {
            "schemaVersion": 2,
            "mediaType": "application/vnd.oci.image.index.v1+json",
            "manifests": [descriptor("application/vnd.oci.image.manifest.v1+json", manifest_digest, manifest_size, {
                # containerd (and Docker 25+) name the image from the first, podman from the second.
                "io.containerd.image.name": f"{qualified}:{tag}",
                "org.opencontainers.image.ref.name": name,
            })],
        }
        docker_manifest = [{
            "Config": f"blobs/sha256/{config_digest}",
            "RepoTags": [name],
            "Layers": [f"blobs/sha256/{layer['digest'].split(':')[1]}" for layer in layers],
        }]

        partial_output = os.path.join(work, "archive.tar")
        with tarfile.open(partial_output, "w", format=tarfile.PAX_FORMAT) as tar:
            def add_bytes(path, data):
                info = tarfile.TarInfo(path)
                info.size, info.mode, info.mtime = len(data), 0o644, 0
                tar.addfile(info, io.BytesIO(data))

            def add_dir(path):
                info = tarfile.TarInfo(path)
                info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, 0
                tar.addfile(info)

            add_bytes("oci-layout", b'{"imageLayoutVersion":"1.0.0"}')
            add_bytes("index.json", json.dumps(index_json, separators=(",", ":")).encode())
            add_bytes("manifest.json", json.dumps(docker_manifest, separators=(",", ":")).encode())
            add_dir("blobs")
            add_dir("blobs/sha256")
            for digest, path in sorted(blobs.items()):
                info = tar.gettarinfo(path, f"blobs/sha256/{digest}")
                info.mode, info.mtime, info.uid, info.gid, info.uname, info.gname = 0o644, 0, 0, 0, "", ""
                with open(path, "rb") as f:
                    tar.addfile(info, f)
        os.replace(partial_output, output)
    except OSError as error:
        fail(73, f"cannot write {output}: {error.strerror}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    compressed = sum(layer["size"] for layer in layers)
    print(f"{output}: {name}, config sha256:{config_digest}, layers {compressed} bytes compressed")


if __name__ == "__main__":
    main(sys.argv)
