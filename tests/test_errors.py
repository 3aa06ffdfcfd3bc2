import inspect

from newsevents import errors


def test_every_error_class_has_its_own_stable_code():
    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass)
               if issubclass(c, errors.NewsEventsError)]
    assert len(classes) >= 10
    codes = [c.code for c in classes]
    assert all(code.startswith("E_") for code in codes)
    assert len(set(codes)) == len(codes), "two error classes share a code"


def test_every_error_class_is_in_the_hierarchy_docstring():
    for name, c in inspect.getmembers(errors, inspect.isclass):
        if issubclass(c, errors.NewsEventsError) and c is not errors.NewsEventsError:
            assert name in errors.__doc__, f"{name} is missing from the errors docstring"
