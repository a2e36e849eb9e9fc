#include "app/Application.h"

int main(int argc, char* argv[])
{
    citycode::client::Application application(argc, argv);
    return application.run();
}
