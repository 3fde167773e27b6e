// A stand-in for oat++'s oatpp/codegen/api_controller/base_undef.hpp, written for this fixture.
#undef ENDPOINT
#undef BODY_STRING
#undef PATH
