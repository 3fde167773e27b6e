#include "app.h"
#include "opencv2/dnn.hpp"

int detect(const std::string & model_path) {
    cv::dnn::Net net = cv::dnn::readNet(model_path);
    cv::Mat out = net.forward();
    return out.rows;
}
