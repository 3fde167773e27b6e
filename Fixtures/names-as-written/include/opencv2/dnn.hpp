// Minimal stand-in for OpenCV's DNN module, written for this fixture: declarations only.
// As in the real library, the API sits in a versioned inline namespace that users never write.
#pragma once

#include <string>

namespace cv {

class Mat {
public:
    int rows = 0;
    int cols = 0;
};

namespace dnn {
inline namespace dnn4_v20220524 {

class Net {
public:
    Mat forward(const std::string & output_name = std::string());
};

Net readNet(const std::string & model, const std::string & config = "", const std::string & framework = "");

} // namespace dnn4_v20220524
} // namespace dnn
} // namespace cv
