from search import schema
from search.schema import build_schema


def test_every_field_name_constant_names_a_field_of_the_schema():
    names = {schema.ID_FIELD, schema.TITLE, schema.BODY, schema.TITLE_WORDS, schema.BODY_WORDS, schema.DATE_NUMBER,
             schema.STORY_NUMBER, schema.OFFICIAL, schema.AGENCY, *schema.SURFACE_FIELDS}
    assert names - set(build_schema().names()) == set()
    assert schema.SURFACE_FIELDS == ("title_surface", "body_surface")
    assert not build_schema()[schema.BODY].indexed  # stored only: words are searched in BODY_WORDS
