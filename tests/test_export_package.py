"""/download/partnerships.zip: a Frictionless Data Package of the view, its citation and licences by source."""

from __future__ import annotations

import io
import json
import zipfile

import flask
import pandas as pd
import pytest
from frictionless import Package

from dashboard.export.package import view_package
from dashboard.export.routes import PACKAGE_PATH, register_exports

LINK = "https://atlas.example.org/?status=suspended"


def unpack(body: bytes, folder) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        archive.extractall(folder)
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_package_holds_the_files_and_validates(mini_env, tmp_path):
    files = unpack(view_package(mini_env, "?status=suspended", link=LINK), tmp_path)
    assert set(files) == {"partnerships.csv", "partnerships.geojson", "datapackage.json", "README.txt"}
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert len(pd.read_csv(tmp_path / "partnerships.csv")) == 2  # plain CSV: no options needed


def test_the_descriptor_has_a_schema_with_vocabularies_licences_link_and_version(mini_env, tmp_path):
    files = unpack(view_package(mini_env, "", link=LINK), tmp_path)
    descriptor = json.loads(files["datapackage.json"])
    fields = {f["name"]: f for f in descriptor["resources"][0]["schema"]["fields"]}
    header = files["partnerships.csv"].decode().split("\r\n")[0].split(",")
    assert list(fields) == header  # every column, in the file's order
    assert "suspended" in fields["status"]["constraints"]["enum"]
    assert "humanitarian_supplies" in fields["aid_types"]["description"]
    assert fields["distance_km"]["type"] == "number" and fields["partnership_id"]["constraints"]["unique"]
    assert descriptor["homepage"] == LINK and descriptor["version"] == mini_env.layers.manifest["dataset_version"]
    licences = {lic["name"] for lic in descriptor["licenses"]}
    assert "CC-BY-4.0" in licences  # GeoNames coordinates, for every row
    citation = json.loads(files["partnerships.geojson"])["citation"]
    assert citation["link"] == LINK and citation["ties"] == 6


def test_a_row_that_breaks_the_schema_is_caught_by_the_validator(mini_env, tmp_path):
    unpack(view_package(mini_env, "", link=LINK), tmp_path)
    csv_path = tmp_path / "partnerships.csv"
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    frame.loc[0, "status"] = "frozen"  # not a word of the status vocabulary
    frame.to_csv(csv_path, index=False, lineterminator="\r\n")
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert not report.valid and "constraint-error" in {
        e["type"] for e in report.flatten(["type"]) for e in [{"type": e[0]}]
    }


def test_the_readme_cites_the_view_and_names_each_licence(mini_env, tmp_path):
    readme = unpack(view_package(mini_env, "?status=suspended", link=LINK), tmp_path)["README.txt"].decode()
    assert "2 ties from 2 sources" in readme and LINK in readme and "GeoNames: CC-BY-4.0" in readme


@pytest.fixture
def client(mini_env):
    server = flask.Flask(__name__)
    register_exports(server)
    return server.test_client()


def test_the_route_serves_the_zip_and_refuses_a_bad_view(client):
    response = client.get(PACKAGE_PATH + "?status=suspended")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert 'filename="partnerships.zip"' in response.headers["Content-Disposition"]
    assert zipfile.ZipFile(io.BytesIO(response.data)).testzip() is None
    refused = client.get(PACKAGE_PATH + "?status=frozen")
    assert refused.status_code == 400 and "“frozen”" in refused.get_data(as_text=True)
